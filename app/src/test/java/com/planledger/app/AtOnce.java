package com.planledger.app;

import com.planledger.domain.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Races actions against each other: each starts on its own thread at the same moment. */
final class AtOnce {

    static final String OK = "ok";

    private AtOnce() {
    }

    /** Runs the actions together and answers their results, in the order given. */
    @SafeVarargs
    static <T> List<T> run(Callable<T>... actions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(actions.length);
        try {
            CyclicBarrier together = new CyclicBarrier(actions.length);
            List<Future<T>> outcomes = new ArrayList<>();
            for (Callable<T> action : actions) {
                outcomes.add(pool.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
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

    /** A command send as a racer: answers {@link #OK}, or the code of the domain error it was refused with. */
    static Callable<String> command(Runnable send) {
        return () -> {
            try {
                send.run();
                return OK;
            } catch (DomainException e) {
                return e.code().name();
            }
        };
    }
}
