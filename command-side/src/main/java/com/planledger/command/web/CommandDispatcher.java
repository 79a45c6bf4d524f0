package com.planledger.command.web;

import com.planledger.domain.CommandResult;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends commands and turns every way they can fail into a {@link DomainException} with a stable code: a rule's
 * refusal keeps its own code (also when another instance handled the command), a stale {@code If-Match} is
 * VERSION_MISMATCH, a concurrent writer CONCURRENT_MODIFICATION, a create of an existing id ..._ALREADY_EXISTS,
 * an unknown id ..._NOT_FOUND.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;
    private final Duration timeout;
    private final Meter.MeterProvider<Timer> timers;

    public CommandDispatcher(CommandGateway gateway, MeterRegistry meters,
                             @Value("${planledger.command-timeout:PT30S}") Duration timeout) {
        this.gateway = gateway;
        this.timers = Timer.builder("planledger.commands").description("commands handled, by type and outcome")
                .withRegistry(meters);
        this.timeout = timeout;
    }

    public CommandResult send(Object command, AggregateKind kind) {
        return send(command, MetaData.emptyInstance(), kind);
    }

    /**
     * Sends {@code command} and waits for its result. Every command is timed as {@code planledger.commands}, tagged
     * with its type and outcome ({@code success} or the refusal's code).
     */
    public <R> R send(Object command, MetaData metaData, AggregateKind kind) {
        long started = System.nanoTime();
        String outcome = "success";
        try {
            return gateway.sendAndWait(
                    org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(metaData),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            RuntimeException refusal = translate(e, kind, AggregateKind.creates(command));
            outcome = refusal instanceof DomainException domain ? domain.code().name() : "error";
            throw refusal;
        } finally {
            timers.withTags("type", command.getClass().getSimpleName(), "outcome", outcome)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** The refusal a caller sees for {@code failure} of a command that does not create its aggregate. */
    public static RuntimeException translate(Throwable failure, AggregateKind kind) {
        return translate(failure, kind, false);
    }

    /**
     * The refusal a caller sees for {@code failure}, whichever way it arrived: thrown in this instance, or sent
     * back by Axon Server from the instance that handled the command (where {@link RefusalTranslatingCommandBus}
     * already turned it into a refusal, as only messages and error codes cross, never exception types).
     * {@code creation}: the command starts its aggregate, so an append refused for its sequence means the id is
     * taken (the embedded store says so with {@link AggregateStreamCreationException}; Axon Server with
     * {@code AXONIQ-2000}, a {@link ConcurrencyException}).
     */
    public static RuntimeException translate(Throwable failure, AggregateKind kind, boolean creation) {
        Optional<DomainException> refusal = DomainException.findIn(failure);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConflictingAggregateVersionException) {
                return new DomainException(ErrorCode.VERSION_MISMATCH, "If-Match",
                        "the " + kind.name().toLowerCase() + " has changed since that version; read it again");
            }
            if (t instanceof AggregateStreamCreationException || creation && t instanceof ConcurrencyException) {
                return new DomainException(kind.alreadyExists(), kind.idField(),
                        "a " + kind.name().toLowerCase() + " with this id already exists");
            }
            if (t instanceof ConcurrencyException) {
                return new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                        "another change to the same " + kind.name().toLowerCase() + " was stored at the same time; "
                                + "retry");
            }
            if (t instanceof AggregateNotFoundException || t instanceof AggregateDeletedException) {
                return new DomainException(kind.notFound(), kind.idField(), "no such " + kind.name().toLowerCase());
            }
            if (t instanceof NoHandlerForCommandException || t instanceof AxonServerCommandDispatchException
                    || t instanceof AxonServerException server && unreachable(server.errorCode())) {
                return new DomainException(ErrorCode.SERVICE_UNAVAILABLE,
                        "no command-side instance is available to handle the command");
            }
            if (t instanceof TimeoutException) {
                return new DomainException(ErrorCode.TIMEOUT, "the command did not complete in time; its outcome "
                        + "is unknown, retry with the same Idempotency-Key");
            }
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** Axon Server could not be reached, or could not route the command: no instance can take it now. */
    private static boolean unreachable(org.axonframework.axonserver.connector.ErrorCode code) {
        return switch (code) {
            case CONNECTION_FAILED, NO_HANDLER_FOR_COMMAND, COMMAND_DISPATCH_ERROR -> true;
            default -> false;
        };
    }
}
