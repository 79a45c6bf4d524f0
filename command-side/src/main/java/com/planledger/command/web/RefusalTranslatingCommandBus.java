package com.planledger.command.web;

import com.planledger.domain.DomainException;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;

/**
 * The command bus that runs the handlers of this instance (Axon's local segment): a {@link SimpleCommandBus} that
 * turns a failed command's result into the refusal a caller gets ({@link CommandDispatcher#translate}) before the
 * result leaves the instance. Through Axon Server only an exception's messages and an error code travel back to
 * the sender, never its type: an unknown aggregate, a stale {@code If-Match} or a create of a taken id would
 * reach the sender as an anonymous {@code CommandExecutionException}. As a {@link DomainException} the refusal
 * travels as the command's exception details and keeps its code in every topology. Failures at the commit (an
 * append the event store refused) are covered too, as the unit of work commits inside {@link #handle}.
 */
public class RefusalTranslatingCommandBus extends SimpleCommandBus {

    protected RefusalTranslatingCommandBus(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        CommandCallback<C, R> translating = (message, result) -> callback.onResult(message, translated(message,
                result));
        super.handle(command, handler, translating);
    }

    /** {@code result}, or when it failed for a reason a caller has a code for, the same failure as a refusal. */
    static <R> CommandResultMessage<? extends R> translated(CommandMessage<?> command,
                                                            CommandResultMessage<? extends R> result) {
        if (!result.isExceptional() || result.exceptionResult() instanceof DomainException) {
            return result;
        }
        AggregateKind kind = AggregateKind.of(command.getPayload());
        if (kind == null) {
            return result;
        }
        RuntimeException refusal = CommandDispatcher.translate(result.exceptionResult(), kind,
                AggregateKind.creates(command.getPayload()));
        if (!(refusal instanceof DomainException)) {
            return result;
        }
        return new GenericCommandResultMessage<R>(refusal, result.getMetaData());
    }

    /** Builds the bus with {@link SimpleCommandBus.Builder}'s settings. */
    public static class Builder extends SimpleCommandBus.Builder {

        @Override
        public RefusalTranslatingCommandBus build() {
            return new RefusalTranslatingCommandBus(this);
        }
    }
}
