package com.planledger.command.lookup;

import com.mongodb.MongoException;

import java.util.function.Supplier;

/** Upserts of per-partner lookup documents (the recommended slot, the invoice sequence). */
final class Upserts {

    private static final int DUPLICATE_KEY = 11000;

    private Upserts() {
    }

    /**
     * Runs an upsert that two first writers of a partner may race to create: the loser's duplicate-key error means
     * the document exists now, so the upsert runs once more and updates it.
     */
    static <T> T racing(Supplier<T> upsert) {
        try {
            return upsert.get();
        } catch (MongoException e) {
            if (e.getCode() != DUPLICATE_KEY) {
                throw e;
            }
            return upsert.get();
        }
    }
}
