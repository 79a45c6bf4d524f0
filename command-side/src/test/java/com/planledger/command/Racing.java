package com.planledger.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Races actions against each other: each starts on its own thread at the same moment. */
public final class Racing {

    private Racing() {
    }

    /** Runs the actions together and answers their results, in the order given. */
    @SafeVarargs
    public static <T> List<T> run(Callable<T>... actions) throws Exception {
        return run(List.of(actions));
    }

    /** Runs the actions together and answers their results, in the order given. */
    public static <T> List<T> run(List<Callable<T>> actions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(actions.size());
        try {
            CyclicBarrier together = new CyclicBarrier(actions.size());
            List<Future<T>> outcomes = new ArrayList<>();
            for (Callable<T> action : actions) {
                outcomes.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return action.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
