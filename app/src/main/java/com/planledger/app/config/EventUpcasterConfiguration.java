package com.planledger.app.config;

import com.planledger.domain.upcasting.EventUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The domain's event upcasters as one bean, in {@link EventUpcasters#all()}'s order: Axon's Spring configuration
 * puts every {@link EventUpcaster} bean into the upcaster chain of the event store in use (embedded or Axon
 * Server), so aggregates, processors, history and the export read old events in their current shape.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasterConfiguration {

    @Bean
    public EventUpcaster domainEventUpcasters() {
        return new EventUpcasterChain(EventUpcasters.all().toArray(EventUpcaster[]::new));
    }
}
