package com.planledger.command.lookup;

/**
 * Makes the command side's lookup writes durable before the events they belong to are committed. Real MongoDB
 * (write concern majority, journaled) is durable on acknowledgement and needs nothing; the embedded MongoDB-wire
 * server buffers writes and must be flushed, or a crash could keep an event and lose its reservation.
 */
@FunctionalInterface
public interface LookupDurability {

    LookupDurability ACKNOWLEDGED = () -> {
    };

    /** Called after lookup writes, inside the unit of work, before the events are committed. */
    void flush();
}
