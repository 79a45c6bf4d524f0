package com.planledger.command.web;

import com.planledger.command.TestTerms;
import com.planledger.domain.DomainError;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.json.DomainJson;
import com.planledger.domain.plan.ArchivePlanCommand;
import com.planledger.domain.plan.CreatePlanCommand;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.Visibility;
import io.axoniq.axonserver.grpc.ErrorMessage;
import io.axoniq.axonserver.grpc.command.Command;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a refusal reaches the sender of a command through Axon Server, built with the connector's own classes: its
 * {@code ErrorCode} conversions for each code it sends, and its {@link CommandSerializer}, which carries a handled
 * command's result back exactly as between two instances (only messages, an error code and the details cross).
 */
class RefusalTranslationTest {

    private static final CommandSerializer WIRE = new CommandSerializer(
            JacksonSerializer.builder().objectMapper(DomainJson.newMapper()).build(), configuration());

    private static AxonServerConfiguration configuration() {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setClientId("handler-instance");
        configuration.setComponentName("planledger");
        return configuration;
    }

    private static final CommandMessage<?> ARCHIVE =
            GenericCommandMessage.asCommandMessage(new ArchivePlanCommand("acme", "gold", null));
    private static final CommandMessage<?> CREATE = GenericCommandMessage.asCommandMessage(new CreatePlanCommand(
            "acme", "gold", PlanType.USAGE_BASED, TestTerms.GOLD, Visibility.PUBLIC, TestTerms.gold()));

    /** The handling instance's result for {@code failure}, sent back and read by the sending instance. */
    private static RuntimeException acrossAxonServer(CommandMessage<?> command, Throwable failure) {
        CommandResultMessage<?> handled = RefusalTranslatingCommandBus.translated(command,
                new GenericCommandResultMessage<>(failure));
        Command sent = WIRE.serialize(command, "routing-key", 0);
        CommandResponse response = WIRE.serialize(handled, sent.getMessageIdentifier());
        CommandResultMessage<?> received = WIRE.deserialize(response);
        assertThat(received.isExceptional()).isTrue();
        assertThat(received.exceptionResult()).as("no exception type crosses").isNotInstanceOf(DomainException.class);
        return CommandDispatcher.translate(received.exceptionResult(), AggregateKind.PLAN,
                AggregateKind.creates(command.getPayload()));
    }

    private static ErrorCode code(RuntimeException refusal) {
        assertThat(refusal).isInstanceOf(DomainException.class);
        return ((DomainException) refusal).code();
    }

    @Test
    void an_unknown_aggregate_is_not_found_in_the_other_instance_too() {
        RuntimeException refusal = acrossAxonServer(ARCHIVE,
                new AggregateNotFoundException("acme:gold", "The aggregate was not found in the event store"));
        assertThat(code(refusal)).isEqualTo(ErrorCode.PLAN_NOT_FOUND);
        assertThat(((DomainException) refusal).field()).isEqualTo("planId");
    }

    @Test
    void a_stale_if_match_is_a_version_mismatch_in_the_other_instance_too() {
        RuntimeException refusal = acrossAxonServer(ARCHIVE,
                new ConflictingAggregateVersionException("acme:gold", 3, 5));
        assertThat(code(refusal)).isEqualTo(ErrorCode.VERSION_MISMATCH);
    }

    @Test
    void an_append_refused_for_its_sequence_is_a_taken_id_for_a_create_and_a_conflict_otherwise() {
        // what the handling instance's event store reports for AXONIQ-2000 (INVALID_EVENT_SEQUENCE)
        ErrorMessage invalidSequence = ErrorMessage.newBuilder().setErrorCode("AXONIQ-2000")
                .setMessage("Invalid sequence number 0 for aggregate acme:gold, expected 4").build();
        Throwable appendRefused = org.axonframework.axonserver.connector.ErrorCode.INVALID_EVENT_SEQUENCE
                .convert(invalidSequence);
        assertThat(appendRefused).isInstanceOf(ConcurrencyException.class);
        assertThat(code(acrossAxonServer(CREATE, appendRefused))).isEqualTo(ErrorCode.PLAN_ALREADY_EXISTS);
        assertThat(code(acrossAxonServer(ARCHIVE, appendRefused))).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION);
    }

    @Test
    void a_rule_refusal_keeps_its_code_and_field() {
        RuntimeException refusal = acrossAxonServer(ARCHIVE,
                new DomainException(ErrorCode.PLAN_ARCHIVED, "planId", "the plan is archived"));
        assertThat(code(refusal)).isEqualTo(ErrorCode.PLAN_ARCHIVED);
        assertThat(((DomainException) refusal).field()).isEqualTo("planId");
    }

    @Test
    void each_code_axon_server_sends_on_its_own_becomes_a_refusal_with_a_status() {
        ErrorMessage error = ErrorMessage.newBuilder().setMessage("from Axon Server").build();
        assertThat(code(translate(org.axonframework.axonserver.connector.ErrorCode.NO_HANDLER_FOR_COMMAND, error)))
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(code(translate(org.axonframework.axonserver.connector.ErrorCode.COMMAND_DISPATCH_ERROR, error)))
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(code(translate(org.axonframework.axonserver.connector.ErrorCode.CONNECTION_FAILED, error)))
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(code(translate(org.axonframework.axonserver.connector.ErrorCode.CONCURRENCY_EXCEPTION, error)))
                .isEqualTo(ErrorCode.CONCURRENT_MODIFICATION);
        DomainError archived = new DomainError(ErrorCode.PLAN_ARCHIVED, "planId", "the plan is archived");
        for (var execution : new org.axonframework.axonserver.connector.ErrorCode[]{
                org.axonframework.axonserver.connector.ErrorCode.COMMAND_EXECUTION_ERROR,
                org.axonframework.axonserver.connector.ErrorCode.COMMAND_EXECUTION_NON_TRANSIENT_ERROR}) {
            assertThat(code(CommandDispatcher.translate(execution.convert(error, () -> archived), AggregateKind.PLAN)))
                    .as(execution.name()).isEqualTo(ErrorCode.PLAN_ARCHIVED);
        }
    }

    @Test
    void an_execution_error_without_details_stays_an_error() {
        // a failure no rule names (a bug, a store outage): the caller gets a 500 with the request id, not a code
        ErrorMessage error = ErrorMessage.newBuilder().setMessage("NullPointerException").build();
        RuntimeException failure = CommandDispatcher.translate(
                org.axonframework.axonserver.connector.ErrorCode.COMMAND_EXECUTION_ERROR.convert(error, () -> null),
                AggregateKind.PLAN);
        assertThat(failure).isNotInstanceOf(DomainException.class);
    }

    private static RuntimeException translate(org.axonframework.axonserver.connector.ErrorCode code,
                                              ErrorMessage error) {
        return CommandDispatcher.translate(code.convert(error, () -> null), AggregateKind.PLAN);
    }
}
