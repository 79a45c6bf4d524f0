package com.planledger.app.config;

import com.planledger.domain.upcasting.EventUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The domain's event upcasters as beans: Axon's Spring configuration puts every {@link EventUpcaster} bean into
 * the upcaster chain of the event store in use (embedded or Axon Server), so aggregates, processors, history and
 * the export read old events in their current shape.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasterConfiguration {

    @Bean
    @Order(1)
    public EventUpcaster planRecommendedV2Upcaster() {
        return EventUpcasters.planRecommendedV2();
    }

    @Bean
    @Order(2)
    public EventUpcaster planRecommendationWithdrawnV2Upcaster() {
        return EventUpcasters.planRecommendationWithdrawnV2();
    }
}
