package com.planledger.app;

import com.planledger.command.Racing;
import com.planledger.domain.DomainException;

import java.util.List;
import java.util.concurrent.Callable;

/** Races actions against each other: each starts on its own thread at the same moment. */
final class AtOnce {

    static final String OK = "ok";

    private AtOnce() {
    }

    /** Runs the actions together and answers their results, in the order given ({@link Racing}). */
    @SafeVarargs
    static <T> List<T> run(Callable<T>... actions) throws Exception {
        return Racing.run(actions);
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
