package com.planledger.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Instants in query parameters ({@code asOf}, {@code from}, {@code to}) are ISO-8601 and within the years 0001 to
 * 9999: anything else is a 400 naming the parameter, never a date no store or calendar can hold.
 */
@Configuration(proxyBeanMethods = false)
public class WebParametersConfiguration implements WebMvcConfigurer {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) {
                Instant instant;
                try {
                    instant = Instant.parse(text.strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not an ISO-8601 instant such as 2026-01-31T00:00:00Z");
                }
                if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                    throw new IllegalArgumentException("must be within the years 0001 to 9999");
                }
                return instant;
            }

            @Override
            public String print(Instant instant, Locale locale) {
                return instant.toString();
            }
        });
    }
}
