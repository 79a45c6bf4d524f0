package com.planledger.domain.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.math.BigDecimal;

/**
 * The JSON format of the published language: events, snapshots and message payloads are stored in it, and the
 * approval tests pin it. Decimals are strings ({@code "499.00"}), instants are ISO-8601 UTC strings, map entries
 * are ordered by key, and unknown properties are ignored so that an older reader survives an added field.
 * <p>
 * This mapper is deliberately separate from the web layer's mapper: no {@code spring.jackson.*} setting can change
 * what is stored.
 */
public final class DomainJson {

    private DomainJson() {
    }

    public static ObjectMapper newMapper() {
        return configure(JsonMapper.builder()).build();
    }

    /** Applies the published-language settings to a builder, for mappers that add settings of their own. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .addModule(decimalsAsStrings())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** Decimal amounts travel as strings so that no reader ever turns them into floating point. */
    public static SimpleModule decimalsAsStrings() {
        SimpleModule module = new SimpleModule("planledger-decimals");
        module.addSerializer(BigDecimal.class, new ToStringSerializerBase(BigDecimal.class) {
            @Override
            public String valueToString(Object value) {
                return ((BigDecimal) value).toPlainString();
            }
        });
        return module;
    }
}
