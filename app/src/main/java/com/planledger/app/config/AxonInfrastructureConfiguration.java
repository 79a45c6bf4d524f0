package com.planledger.app.config;

import com.planledger.command.web.RefusalTranslatingCommandBus;
import com.planledger.domain.PartnerEvent;
import com.planledger.domain.audit.AuditMetadata;
import com.planledger.domain.json.DomainJson;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.updates.UpdateChecker;
import org.axonframework.updates.UpdateCheckerHttpClient;
import org.axonframework.updates.UpdateCheckerReporter;
import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon settings that hold in every mode: one Jackson serializer (the published-language mapper, never XStream, never
 * the web layer's mapper) for events, messages, snapshots and tokens; audit metadata copied from commands to their
 * events; events sequenced per aggregate (read models) or partner (the recommendation policy); and an update checker that never phones home.
 */
@Configuration(proxyBeanMethods = false)
public class AxonInfrastructureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AxonInfrastructureConfiguration.class);

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(DomainJson.newMapper())
                .revisionResolver(revisionResolver)
                .build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * The bus that runs this instance's command handlers (Axon's local segment: the command bus itself in embedded
     * mode, the segment behind Axon Server's bus otherwise), set up as Axon's default one, translating failures
     * into refusals where they happen so that they keep their codes across Axon Server.
     */
    @Bean(destroyMethod = "")
    @Qualifier("localSegment")
    public SimpleCommandBus commandBus(TransactionManager transactionManager,
                                       org.axonframework.config.Configuration axonConfiguration,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = RefusalTranslatingCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return commandBus;
    }

    /** Correlation and trace ids from the message that caused a message. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who did it and which request it came from, copied from each command onto the events it causes. */
    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.ACTOR, AuditMetadata.REQUEST_ID);
    }

    /**
     * The read models' processors sequence events per aggregate: a plan's or a customer's events are handled in
     * order by one segment, and an event that fails parks only its aggregate's later events. None of them needs
     * order across a partner's aggregates: every document fed by several aggregates (subscriber counts, the
     * dashboard's partner document) takes commutative updates guarded by event id, and each value in it is
     * written by one aggregate only. See docs/reliability.md.
     */
    @Bean
    public SequencingPolicy<EventMessage<?>> aggregateSequencingPolicy() {
        SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();
        return perAggregate::getSequenceIdentifierFor;
    }

    /**
     * Events of one partner are handled in order by one segment: the recommendation policy decides from the set
     * of a partner's recommended plans it read after writing to it, and runs those decisions one at a time.
     */
    @Bean
    public SequencingPolicy<EventMessage<?>> partnerSequencingPolicy() {
        SequentialPerAggregatePolicy fallback = SequentialPerAggregatePolicy.instance();
        return event -> event.getPayload() instanceof PartnerEvent partnerEvent
                ? partnerEvent.partnerId()
                : fallback.getSequenceIdentifierFor(event);
    }

    /**
     * A handler that fails does not skip its event: the error propagates, the processor keeps the event's position
     * and retries with back-off, and the processor's status shows the error. (Axon's default logs and moves on,
     * which would silently leave a read model without the event.)
     */
    @Autowired
    void propagateHandlerErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * A processor's token is written after the read-model writes of its batch, never before. Given a transaction
     * manager, Axon's tracking processor stores the token first, at the start of the batch, on the assumption
     * that token and read model commit in that one transaction. Here they never share one (the transaction
     * manager is the JDBC event store's; tokens and read models live in MongoDB), so a crash in the middle of a
     * batch kept a token past events whose read-model writes were lost: customers answered 404 and their later
     * events were dead-lettered. Without a transaction manager the processor stores the token in the batch's
     * prepare-commit phase, after every handler ran; a crash then redelivers at most that batch, which the
     * projections' idempotency guards ignore where already applied.
     */
    @Autowired
    void storeTokensAfterTheReadModels(EventProcessingConfigurer processing) {
        processing.registerDefaultTransactionManager(c -> NoTransactionManager.instance());
    }

    /**
     * Axon 4.12.2's update checker does not honour {@code axon.update-check.disabled} (AxonFramework#3673): this
     * replacement never starts, so nothing the service runs reaches outside the machine.
     */
    @Bean
    public UpdateChecker updateChecker() {
        UpdateCheckerReporter silent = (request, response) -> {
        };
        return new UpdateChecker(new UpdateCheckerHttpClient(UsagePropertyProvider.create()), silent) {
            @Override
            public void start() {
                log.debug("Axon update checker disabled by configuration");
            }
        };
    }
}
