package com.planledger.app.config;

import com.planledger.domain.time.MutableClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;

/**
 * The domain's clock: every time-based rule (periods, trials, due dates, grace, usage months) reads it, on both
 * sides. The system's UTC clock, or with {@code planledger.test-clock.enabled=true} a test clock that starts at
 * {@code planledger.test-clock.start} (or now) and moves only forward, by {@code POST /v1/admin/clock/advance}.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock clock(@Value("${planledger.test-clock.enabled:false}") boolean testClock,
                       @Value("${planledger.test-clock.start:}") String start) {
        if (!testClock) {
            return Clock.systemUTC();
        }
        return new MutableClock(start == null || start.isBlank() ? Instant.now() : Instant.parse(start));
    }
}
