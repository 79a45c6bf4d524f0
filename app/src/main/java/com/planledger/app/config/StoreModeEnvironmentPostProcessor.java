package com.planledger.app.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * Derives Axon's own switch from the service's event-store switch, so that one setting decides where events go:
 * {@code planledger.event-store=axonserver} turns the Axon Server connector on, anything else keeps it off (and
 * nothing tries to reach an Axon Server). An explicit {@code axon.axonserver.enabled} still wins.
 */
public class StoreModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("axon.axonserver.enabled")) {
            return;
        }
        String mode = environment.getProperty("planledger.event-store", "embedded").toLowerCase(Locale.ROOT);
        boolean axonServer = mode.equals("axonserver");
        environment.getPropertySources().addLast(new MapPropertySource("planledger-store-mode",
                Map.of("axon.axonserver.enabled", String.valueOf(axonServer))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
