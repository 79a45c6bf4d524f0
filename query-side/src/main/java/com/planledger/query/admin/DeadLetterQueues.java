package com.planledger.query.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * Where the read models' parked events are kept, for processors the configuration does not know of: a rebuild
 * parks what it cannot apply in a queue of its own, which replaces the live read model's queue when the rebuilt
 * generation goes live (its parked events are then the ones that generation lacks).
 */
public interface DeadLetterQueues {

    /** The queue of processing group {@code group}. */
    SequencedDeadLetterQueue<EventMessage<?>> queue(String group);

    /** Makes the letters of group {@code from} the letters of group {@code to}, replacing those {@code to} had. */
    void replace(String to, String from);
}
