package com.planledger.command.lookup;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Makes the command side's lookup writes durable before the events they belong to are committed. Real MongoDB
 * (write concern majority, journaled) is durable on acknowledgement and needs nothing; the embedded MongoDB-wire
 * server buffers writes and must be flushed, or a crash could keep an event and lose its reservation.
 */
@FunctionalInterface
public interface LookupDurability {

    LookupDurability ACKNOWLEDGED = () -> {
    };

    /** Makes every lookup write so far durable. */
    void flush();

    /**
     * Whether these lookups belong to this instance alone (the embedded read store), so that it may rebuild them
     * after its own crash; shared lookups (MongoDB) are never rebuilt while other instances may use them.
     */
    default boolean ownedByThisInstance() {
        return false;
    }

    /**
     * Makes the lookup writes of the current unit of work durable once, at the end of its prepare phase (where the
     * lookups run, after the events were appended and before they are committed); at once outside a unit of work.
     */
    default void flushBeforeCommit() {
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(LookupDurability.class.getName(), key -> {
            unitOfWork.onPrepareCommit(u -> flush());
            return Boolean.TRUE;
        });
    }
}
