package com.planledger.domain.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;

/**
 * Raises one event type from one revision to the next by adding fields with fixed values (the values the new
 * revision gives to events written before the fields existed). Stored events are never rewritten: the upcaster
 * runs whenever they are read.
 */
public final class AddedFieldsUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final String toRevision;
    private final Map<String, JsonNode> added;

    public AddedFieldsUpcaster(Class<?> eventType, String fromRevision, String toRevision,
                               Map<String, JsonNode> added) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.toRevision = toRevision;
        this.added = Map.copyOf(added);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(from.getName(), toRevision), JsonNode.class,
                this::upcast);
    }

    /** The new revision's JSON of an old revision's JSON. */
    public JsonNode upcast(JsonNode old) {
        ObjectNode node = old.deepCopy();
        added.forEach((field, value) -> {
            if (!node.has(field)) {
                node.set(field, value.deepCopy());
            }
        });
        return node;
    }
}
