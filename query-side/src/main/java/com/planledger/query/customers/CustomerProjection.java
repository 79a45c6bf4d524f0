package com.planledger.query.customers;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.planledger.domain.Ids;
import com.planledger.domain.audit.AuditMetadata;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerPlanChangedEvent;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.SubscriptionCancelledEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.query.invoices.InvoiceLedger;
import com.planledger.query.admin.ReadModel;
import com.planledger.query.store.ReadModelStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;

/**
 * The customers read model: one document per customer, folded from its events and guarded by the customer's
 * sequence number; and the subscriber counters per plan and revision, guarded by the ids of the events they
 * applied. Counters are updated before the customer's document, so a redelivery after a crash between the two
 * re-applies only what is missing.
 */
@Component
@ProcessingGroup(CustomerProjection.GROUP)
public class CustomerProjection implements ReadModel {

    public static final String GROUP = "customers";
    public static final String CUSTOMERS = "customers";

    private final ReadModelStore store;
    private final InvoiceLedger invoices;

    public CustomerProjection(ReadModelStore store, InvoiceLedger invoices) {
        this.store = store;
        this.invoices = invoices;
        createIndexes();
    }

    @EventHandler
    void on(CustomerEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId, @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        countSubscribers(event, eventId);
        if (event instanceof InvoiceIssuedEvent e) {
            invoices.issued(e, sequence);
        } else if (event instanceof PaymentRecordedEvent e) {
            invoices.paid(e, sequence);
        }
        store.fold(CUSTOMERS, event.key(), sequence, CustomerRecord.class,
                record -> CustomerRecordFold.apply(record, event, sequence, at, actor),
                CustomerProjection::queryFields);
    }

    private void countSubscribers(CustomerEvent event, String eventId) {
        if (event instanceof CustomerPlanAssignedEvent e) {
            count(e.partnerId(), e.subscription().planId(), eventId, 1, null, e.subscription().planRevision());
        } else if (event instanceof CustomerPlanChangedEvent e) {
            if (e.previousPlanId().equals(e.subscription().planId())) {
                count(e.partnerId(), e.previousPlanId(), eventId, 0, e.previousPlanRevision(),
                        e.subscription().planRevision());
            } else {
                count(e.partnerId(), e.previousPlanId(), eventId, -1, e.previousPlanRevision(), null);
                count(e.partnerId(), e.subscription().planId(), eventId, 1, null, e.subscription().planRevision());
            }
        } else if (event instanceof SubscriptionMigratedEvent e) {
            count(e.partnerId(), e.subscription().planId(), eventId, 0, e.fromRevision(),
                    e.subscription().planRevision());
        } else if (event instanceof SubscriptionCancelledEvent e) {
            count(e.partnerId(), e.planId(), eventId, -1, e.planRevision(), null);
        }
    }

    private void count(String partnerId, String planId, String eventId, int total, Integer leftRevision,
                       Integer joinedRevision) {
        if (leftRevision != null && leftRevision.equals(joinedRevision) && total == 0) {
            return;
        }
        Document inc = new Document();
        if (total != 0) {
            inc.append("total", total);
        }
        if (leftRevision != null) {
            inc.append("byRevision." + leftRevision, -1);
        }
        if (joinedRevision != null) {
            inc.append("byRevision." + joinedRevision, 1);
        }
        store.guardedUpdate(SubscriberCounts.COLLECTION, Ids.plan(partnerId, planId), eventId,
                Updates.combine(new Document("$inc", inc), Updates.set("partnerId", partnerId),
                        Updates.set("planId", planId)));
    }

    @Override
    public String name() {
        return GROUP;
    }

    @Override
    public java.util.List<String> collections() {
        return java.util.List.of(CUSTOMERS, SubscriberCounts.COLLECTION, InvoiceLedger.INVOICES,
                InvoiceLedger.PAYMENTS);
    }

    @Override
    public boolean hasApplied(String aggregateType, String aggregateId, long sequence) {
        return !"Customer".equals(aggregateType) || store.hasApplied(CUSTOMERS, aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        store.drop(CUSTOMERS, SubscriberCounts.COLLECTION, InvoiceLedger.INVOICES, InvoiceLedger.PAYMENTS);
        createIndexes();
        invoices.createIndexes();
    }

    static Document queryFields(CustomerRecord record) {
        return new Document("partnerId", record.partnerId())
                .append("companyKey", record.companyName().toLowerCase(Locale.ROOT))
                .append("emailKey", record.email().toLowerCase(Locale.ROOT))
                .append("stateKey", record.state().name())
                .append("planKey", record.subscription() == null ? null : record.subscription().planId())
                .append("createdAtMs", record.createdAt.toEpochMilli())
                .append("updatedAtMs", record.updatedAt.toEpochMilli());
    }

    private void createIndexes() {
        var customers = store.collection(CUSTOMERS);
        customers.createIndex(Indexes.ascending("partnerId", "companyKey"), new IndexOptions().name("partner_company"));
        customers.createIndex(Indexes.ascending("partnerId", "stateKey"), new IndexOptions().name("partner_state"));
        customers.createIndex(Indexes.ascending("partnerId", "planKey"), new IndexOptions().name("partner_plan"));
        store.collection(SubscriberCounts.COLLECTION).createIndex(Indexes.ascending("partnerId"),
                new IndexOptions().name("partner"));
    }
}
