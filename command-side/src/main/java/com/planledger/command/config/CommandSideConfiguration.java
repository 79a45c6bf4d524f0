package com.planledger.command.config;

import com.planledger.command.lookup.PlanLookupHandlers;
import com.planledger.command.customer.Customer;
import com.planledger.command.plan.Plan;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Command-side wiring: the lookups run in a subscribing processor inside each command's unit of work and their
 * refusals propagate (rolling the command back); aggregates snapshot every N events, and a snapshot of an older
 * aggregate shape (another {@link Revision}) is ignored rather than misread.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    @Autowired
    void configureLookups(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(PlanLookupHandlers.GROUP)
                .registerListenerInvocationErrorHandler(PlanLookupHandlers.GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    @Bean
    public SnapshotTriggerDefinition planSnapshotTrigger(Snapshotter snapshotter,
                                                         @Value("${planledger.snapshots.plan-threshold:100}")
                                                         int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public SnapshotFilter planSnapshotFilter() {
        return revisionFilter(Plan.class);
    }

    @Bean
    public SnapshotTriggerDefinition customerSnapshotTrigger(Snapshotter snapshotter,
                                                             @Value("${planledger.snapshots.customer-threshold:50}")
                                                             int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public SnapshotFilter customerSnapshotFilter() {
        return revisionFilter(Customer.class);
    }

    /**
     * Skips snapshots of {@code aggregate} taken at another revision than its current {@code @Revision}. The filter
     * compares the stored aggregate type, which is the class's simple name: the builder's {@code type(Class)} would
     * compare the fully qualified name and so never match (and never skip anything).
     */
    public static SnapshotFilter revisionFilter(Class<?> aggregate) {
        return RevisionSnapshotFilter.builder().type(aggregate.getSimpleName()).revision(revisionOf(aggregate))
                .build();
    }

    /** The domain's clock: every time-based rule reads it (tests replace it with one they move forward). */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    static String revisionOf(Class<?> aggregate) {
        return aggregate.getAnnotation(Revision.class).value();
    }
}
