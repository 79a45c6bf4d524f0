package com.planledger.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.json.DomainJson;
import com.planledger.domain.plan.PlanEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the stored JSON of every event: each event's JSON must equal the approved sample of its revision
 * ({@code events/<Event>.v<revision>.json}), and the approved sample must read back into an equal event. A change
 * to an event's shape fails here; it ships with a new revision, a new sample, and an upcaster tested on the old one.
 * A missing sample is written to {@code target/received-events/} for review, and the test fails.
 */
class EventJsonApprovalTest {

    private static final ObjectMapper MAPPER = DomainJson.newMapper();
    private static final ObjectMapper PRETTY = DomainJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static List<Class<?>> eventClasses() {
        return Stream.concat(Arrays.stream(PlanEvent.class.getPermittedSubclasses()),
                Arrays.stream(CustomerEvent.class.getPermittedSubclasses())).toList();
    }

    @Test
    void every_event_carries_a_revision() {
        assertThat(eventClasses()).allSatisfy(type ->
                assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName() + " @Revision").isNotNull());
    }

    @Test
    void every_event_has_a_sample() {
        Set<Class<?>> sampled = SampleEvents.all().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(eventClasses());
    }

    @TestFactory
    Stream<DynamicTest> every_event_matches_its_approved_json() {
        return SampleEvents.all().stream().map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(),
                () -> approve(event)));
    }

    private static void approve(Object event) throws IOException {
        String revision = event.getClass().getAnnotation(Revision.class).value();
        String name = event.getClass().getSimpleName() + ".v" + revision + ".json";
        // parsed from the written text, as a reader of the event store would see it
        JsonNode actual = MAPPER.readTree(MAPPER.writeValueAsString(event));
        try (InputStream approved = EventJsonApprovalTest.class.getResourceAsStream("/events/" + name)) {
            if (approved == null) {
                Path received = Path.of("target", "received-events", name);
                Files.createDirectories(received.getParent());
                Files.writeString(received, PRETTY.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
                throw new AssertionError("no approved JSON for " + name + "; review " + received.toAbsolutePath()
                        + " and move it to src/test/resources/events/");
            }
            JsonNode expected = MAPPER.readTree(approved);
            assertThat(actual).as(name).isEqualTo(expected);
            Object readBack = MAPPER.treeToValue(expected, event.getClass());
            assertThat(readBack).as(name + " read back").isEqualTo(event);
        }
    }
}
