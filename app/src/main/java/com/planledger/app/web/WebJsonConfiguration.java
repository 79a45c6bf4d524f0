package com.planledger.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.planledger.domain.json.DomainJson;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * The web layer's JSON speaks the published language too: amounts are decimal strings ({@code "499.00"}), never
 * numbers a client could round. (Spring Boot adds every {@link Module} bean to its mapper.)
 * <p>
 * Request bodies are read strictly: a number or boolean where text is expected, a number where a boolean is
 * expected and a float where an integer is expected are refused instead of converted, and text with a lone
 * surrogate (not a character in any encoding) is refused instead of stored. Duplicate keys and data after the
 * document are refused by the settings in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class WebJsonConfiguration {

    @Bean
    public Module planLedgerDecimals() {
        return DomainJson.decimalsAsStrings();
    }

    @Bean
    public Module wellFormedText() {
        return new SimpleModule("well-formed-text").addDeserializer(String.class, new WellFormedStrings());
    }

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Boolean)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Integer)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        });
    }

    /** Jackson's own string reading, then a refusal of text that is not a sequence of characters. */
    static final class WellFormedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && hasLoneSurrogate(value)) {
                throw new IllegalArgumentException("must be text of whole characters (it holds a lone surrogate)");
            }
            return value;
        }

        static boolean hasLoneSurrogate(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return true;
                }
                if (Character.isLowSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }
}
