package com.planledger.domain.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises one event type from one revision to the next by renaming fields, removing fields the new revision no
 * longer has, and adding fields with fixed values (the values the new revision gives to events written before the
 * fields existed), in that order. Stored events are never rewritten: the upcaster runs whenever they are read.
 */
public final class FieldsUpcaster extends SingleEventUpcaster {

    private final Class<?> eventType;
    private final SimpleSerializedType from;
    private final String toRevision;
    private final Map<String, JsonNode> added;
    private final Map<String, String> renamed;
    private final List<String> removed;

    public FieldsUpcaster(Class<?> eventType, String fromRevision, String toRevision, Map<String, JsonNode> added) {
        this(eventType, fromRevision, toRevision, added, Map.of(), List.of());
    }

    private FieldsUpcaster(Class<?> eventType, String fromRevision, String toRevision, Map<String, JsonNode> added,
                           Map<String, String> renamed, List<String> removed) {
        this.eventType = eventType;
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.toRevision = toRevision;
        this.added = Map.copyOf(added);
        this.renamed = Map.copyOf(renamed);
        this.removed = List.copyOf(removed);
    }

    /** The same upcaster that also renames {@code oldName} to {@code newName}. */
    public FieldsUpcaster renaming(String oldName, String newName) {
        Map<String, String> more = new LinkedHashMap<>(renamed);
        more.put(oldName, newName);
        return new FieldsUpcaster(eventType, from.getRevision(), toRevision, added, more, removed);
    }

    /** The same upcaster that also removes {@code field}. */
    public FieldsUpcaster removing(String field) {
        List<String> more = new java.util.ArrayList<>(removed);
        more.add(field);
        return new FieldsUpcaster(eventType, from.getRevision(), toRevision, added, renamed, more);
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
        renamed.forEach((oldName, newName) -> {
            if (node.has(oldName) && !node.has(newName)) {
                node.set(newName, node.remove(oldName));
            }
        });
        removed.forEach(node::remove);
        added.forEach((path, value) -> {
            // a dotted path adds inside a nested object, when that object is there
            String[] steps = path.split("\\.");
            ObjectNode target = node;
            for (int i = 0; i < steps.length - 1 && target != null; i++) {
                target = target.get(steps[i]) instanceof ObjectNode nested ? nested : null;
            }
            String field = steps[steps.length - 1];
            if (target != null && !target.has(field)) {
                target.set(field, value.deepCopy());
            }
        });
        return node;
    }
}
