package com.planledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.planledger.domain.Ids;
import com.planledger.domain.audit.AuditMetadata;
import com.planledger.domain.audit.FieldChange;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.json.DomainJson;
import com.planledger.domain.plan.PlanChanges;
import com.planledger.domain.plan.PlanEvent;
import com.planledger.domain.query.HistoryQuery;
import com.planledger.domain.query.HistoryView;
import com.planledger.domain.query.PageRequest;
import com.planledger.query.catalog.PlanState;
import com.planledger.query.catalog.PlanStateFold;
import com.planledger.query.customers.CustomerRecord;
import com.planledger.query.customers.CustomerRecordFold;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan's or customer's history, from the event store: every event in order with who, when, from which request,
 * and the fields it changed with their values before and after. The state before each event is folded from the
 * events before it, so the values are the ones in force then, independent of any read model.
 */
@Component
public class HistoryQueries {

    private final EventHistory history;
    private final ObjectMapper mapper = DomainJson.newMapper();

    public HistoryQueries(EventHistory history) {
        this.history = history;
    }

    @QueryHandler
    public Optional<HistoryView> history(HistoryQuery query) {
        boolean plan = "Plan".equals(query.aggregateType());
        String id = plan ? Ids.planAggregate(query.partnerId(), query.id())
                : Ids.customerAggregate(query.partnerId(), query.id());
        PageRequest page = query.page();
        long from = page.offset();
        long to = from + page.size();
        List<HistoryView.Entry> entries = new ArrayList<>();
        Object[] state = new Object[1];
        long[] seen = {0};
        history.forEach(id, null, event -> {
            // every event is folded (a diff needs the state before it); only the page's entries are described
            boolean onPage = seen[0] >= from && seen[0] < to;
            seen[0]++;
            if (plan) {
                PlanState was = (PlanState) state[0];
                PlanState is = PlanStateFold.apply(was, (PlanEvent) event.getPayload(), event.getSequenceNumber(),
                        event.getTimestamp());
                if (onPage) {
                    entries.add(entry(event, is.revision(), planChanges(was, is)));
                }
                state[0] = is;
            } else {
                CustomerRecord was = (CustomerRecord) state[0];
                Map<String, Object> wasFields = onPage ? customerFields(was) : null;
                CustomerRecord is = CustomerRecordFold.apply(was, (CustomerEvent) event.getPayload(),
                        event.getSequenceNumber(), event.getTimestamp(), actor(event));
                if (onPage) {
                    entries.add(entry(event, is.subscription() == null ? null : is.subscription().planRevision(),
                            diff(wasFields, customerFields(is))));
                }
                state[0] = is;
            }
        });
        if (seen[0] == 0) {
            return Optional.empty();
        }
        return Optional.of(new HistoryView(query.id(), query.aggregateType(), entries, page.page(), page.size(),
                seen[0]));
    }

    private HistoryView.Entry entry(DomainEventMessage<?> event, Integer revision, List<FieldChange> changes) {
        JsonNode payload = mapper.valueToTree(event.getPayload());
        String payloadRevision = event.getPayload().getClass()
                .getAnnotation(org.axonframework.serialization.Revision.class).value();
        return new HistoryView.Entry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                payloadRevision, event.getTimestamp(), actor(event),
                (String) event.getMetaData().get(AuditMetadata.REQUEST_ID),
                (String) event.getMetaData().get(AuditMetadata.CORRELATION_ID), revision, changes, payload);
    }

    private static String actor(DomainEventMessage<?> event) {
        return (String) event.getMetaData().get(AuditMetadata.ACTOR);
    }

    /** Terms at audit granularity (as the revision recorded them), plus the plan's status fields. */
    private List<FieldChange> planChanges(PlanState was, PlanState is) {
        if (was == null) {
            return List.of();
        }
        List<FieldChange> changes = new ArrayList<>(PlanChanges.between(was.name(), was.terms(), is.name(),
                is.terms()));
        changes.replaceAll(c -> new FieldChange(c.field(), json(c.before()), json(c.after())));
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        before.put("revision", was.revision());
        after.put("revision", is.revision());
        before.put("status", was.status());
        after.put("status", is.status());
        before.put("visibility", was.visibility());
        after.put("visibility", is.visibility());
        before.put("archived", was.archived());
        after.put("archived", is.archived());
        before.put("recommended", was.recommended());
        after.put("recommended", is.recommended());
        changes.addAll(diff(before, after));
        return changes;
    }

    /** What an audit compares of a customer before and after an event. */
    private static Map<String, Object> customerFields(CustomerRecord c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (c == null) {
            return fields;
        }
        CustomerViewFields.put(fields, c);
        return fields;
    }

    private List<FieldChange> diff(Map<String, Object> before, Map<String, Object> after) {
        if (before.isEmpty()) {
            return List.of();
        }
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, Object> field : after.entrySet()) {
            Object was = before.get(field.getKey());
            if (!Objects.equals(json(was), json(field.getValue()))) {
                changes.add(new FieldChange(field.getKey(), json(was), json(field.getValue())));
            }
        }
        return changes;
    }

    /** Values as JSON, so the answer shows them as the API does (decimals as strings). */
    private JsonNode json(Object value) {
        return value == null ? null : mapper.valueToTree(value);
    }
}
