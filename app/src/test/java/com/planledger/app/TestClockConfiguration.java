package com.planledger.app;

import com.planledger.domain.time.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Instant;

/** The end-to-end tests' domain clock: it starts now and only moves when a test moves it. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    /** Primary: it wins over the system clock wherever a {@link java.time.Clock} is injected. */
    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock(Instant.now());
    }
}
