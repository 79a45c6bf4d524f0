package com.planledger.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.planledger.command.customer.CustomerEmails;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerPlanChangedEvent;
import com.planledger.domain.customer.CustomerProfileUpdatedEvent;
import com.planledger.domain.customer.CustomerRegisteredEvent;
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.SubscriptionCancelledEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.SubscriptionTerms;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

import static com.mongodb.client.model.Filters.eq;

/**
 * Keeps the customer lookups in step with the customers, inside the unit of work that stores each customer event:
 * <ul>
 *   <li>e-mails per partner (unique: a taken e-mail rolls the command back; a changed e-mail frees the old one
 *   once the change is committed);</li>
 *   <li>which plan and revision each customer holds (for subscriber migrations);</li>
 *   <li>when each customer's next time-based transition falls due (for the due-transition scheduler).</li>
 * </ul>
 */
@Component
@ProcessingGroup(PlanLookupHandlers.GROUP)
public class CustomerLookupHandlers implements CustomerEmails {

    private final Reservations emails;
    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> due;
    private final LookupDurability durability;

    public CustomerLookupHandlers(MongoDatabase database, LookupDurability durability) {
        this.emails = new Reservations(database.getCollection(LookupCollections.CUSTOMER_EMAILS), durability);
        this.subscriptions = database.getCollection(LookupCollections.SUBSCRIPTIONS);
        this.due = database.getCollection(LookupCollections.DUE);
        this.durability = durability;
        subscriptions.createIndex(Indexes.ascending("partnerId", "planId", "revision"),
                new IndexOptions().name("partner_plan_revision"));
        due.createIndex(Indexes.ascending("dueAt"), new IndexOptions().name("due_at"));
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        reserve(event.partnerId(), event.customerId(), event.email());
    }

    @EventHandler
    void on(CustomerProfileUpdatedEvent event) {
        if (event.changedFields().contains("email")) {
            reserve(event.partnerId(), event.customerId(), event.email());
            emails.releaseOthersAfterCommit(event.partnerId(), event.customerId(),
                    key(event.partnerId(), event.email()));
        }
    }

    @EventHandler
    void on(CustomerPlanAssignedEvent event) {
        holds(event.key(), event.partnerId(), event.customerId(), event.subscription());
        dueBy(event.key(), event.partnerId(), event.customerId(), event.periodEnd());
    }

    @EventHandler
    void on(CustomerPlanChangedEvent event) {
        holds(event.key(), event.partnerId(), event.customerId(), event.subscription());
        dueBy(event.key(), event.partnerId(), event.customerId(), event.periodEnd());
    }

    @EventHandler
    void on(SubscriptionMigratedEvent event) {
        holds(event.key(), event.partnerId(), event.customerId(), event.subscription());
    }

    @EventHandler
    void on(SubscriptionRenewedEvent event) {
        dueBy(event.key(), event.partnerId(), event.customerId(), event.periodEnd());
    }

    @EventHandler
    void on(InvoiceIssuedEvent event) {
        if (event.amountDue().signum() > 0) {
            dueBy(event.key(), event.partnerId(), event.customerId(), event.dueAt());
        }
    }

    @EventHandler
    void on(CustomerPastDueEvent event) {
        dueBy(event.key(), event.partnerId(), event.customerId(), event.graceEndsAt());
    }

    @EventHandler
    void on(SubscriptionCancelledEvent event) {
        subscriptions.deleteOne(eq("_id", event.key()));
        durability.flushBeforeCommit();
    }

    @Override
    public boolean isTakenByAnother(String partnerId, EmailAddress email, String customerId) {
        String owner = emails.ownerOf(key(partnerId, email));
        return owner != null && !owner.equals(customerId);
    }

    private void reserve(String partnerId, String customerId, EmailAddress email) {
        emails.reserve(key(partnerId, email), customerId, new Document("scope", partnerId)
                .append("email", email.value()), () -> CustomerEmails.taken(email));
    }

    private void holds(String aggregateId, String partnerId, String customerId, SubscriptionTerms terms) {
        subscriptions.replaceOne(eq("_id", aggregateId), new Document("_id", aggregateId)
                        .append("partnerId", partnerId).append("customerId", customerId)
                        .append("planId", terms.planId()).append("revision", terms.planRevision()),
                new ReplaceOptions().upsert(true));
        durability.flushBeforeCommit();
    }

    /**
     * Brings the customer's due instant forward to {@code at} when it is earlier. An instant that is no longer due
     * (a period renewed, an invoice paid) stays until the scheduler sends the transition command, whose answer sets
     * the exact next instant: a due entry is never later than the aggregate's next transition.
     */
    private void dueBy(String aggregateId, String partnerId, String customerId, Instant at) {
        if (at == null) {
            return;
        }
        due.updateOne(eq("_id", aggregateId), Updates.combine(
                        Updates.set("partnerId", partnerId), Updates.set("customerId", customerId),
                        Updates.min("dueAt", Date.from(at))),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        durability.flushBeforeCommit();
    }

    private static String key(String partnerId, EmailAddress email) {
        return partnerId + ":" + email.normalized();
    }

    /** Filter for the customers of {@code partnerId} on {@code planId} at a revision below {@code revision}. */
    public static org.bson.conversions.Bson onOlderRevision(String partnerId, String planId, int revision) {
        return Filters.and(eq("partnerId", partnerId), eq("planId", planId), Filters.lt("revision", revision));
    }
}
