package com.planledger.command.customer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.planledger.command.customer.CustomerFacts.User;
import com.planledger.domain.CommandResult;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.Ids;
import com.planledger.domain.customer.AddCustomerUserCommand;
import com.planledger.domain.customer.AddOnAttachedEvent;
import com.planledger.domain.customer.AddOnDetachedEvent;
import com.planledger.domain.customer.ApplyDueTransitionsCommand;
import com.planledger.domain.customer.AssignPlanCommand;
import com.planledger.domain.customer.AttachAddOnCommand;
import com.planledger.domain.customer.BlockCustomerCommand;
import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.ChangeCustomerUserRoleCommand;
import com.planledger.domain.customer.CustomerBlockedEvent;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerPlanChangedEvent;
import com.planledger.domain.customer.CustomerProfileUpdatedEvent;
import com.planledger.domain.customer.CustomerRegisteredEvent;
import com.planledger.domain.customer.CustomerUnblockedEvent;
import com.planledger.domain.customer.CustomerUserAddedEvent;
import com.planledger.domain.customer.CustomerUserRemovedEvent;
import com.planledger.domain.customer.CustomerUserRoleChangedEvent;
import com.planledger.domain.customer.DetachAddOnCommand;
import com.planledger.domain.customer.MigrateSubscriptionCommand;
import com.planledger.domain.customer.MigrationOutcome;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.RecordPaymentCommand;
import com.planledger.domain.customer.RecordUsageCommand;
import com.planledger.domain.customer.RegisterCustomerCommand;
import com.planledger.domain.customer.RemoveCustomerUserCommand;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.customer.UnblockCustomerCommand;
import com.planledger.domain.customer.UpdateCustomerProfileCommand;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Limit;
import com.planledger.domain.plan.MigrationEffective;
import com.planledger.domain.plan.PlanOffer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.planledger.domain.DomainException.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's customer: its account, its one subscription (plan revision, cycle, price in force, periods, trial,
 * grace), its blocks, users, add-ons and usage. Every rule of DOMAIN.md's Customer section that concerns one
 * customer is checked here. Time comes from the injected {@link Clock}; the command side's scheduler applies the
 * time-based transitions by sending {@link ApplyDueTransitionsCommand}.
 * <p>
 * What its events established lives in {@link CustomerFacts}; the handlers here read it and decide. The aggregate
 * is its own snapshot (Jackson writes its identifier and its facts, flat); a customer with a long history loads
 * from its latest snapshot plus the events after it.
 */
@Aggregate(snapshotTriggerDefinition = "customerSnapshotTrigger", snapshotFilter = "customerSnapshotFilter")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE, creatorVisibility = JsonAutoDetect.Visibility.NONE)
public class Customer {

    static final int MAX_NOTE = 500;
    static final int MAX_REFERENCE = 100;
    static final int MAX_ADD_ON_QUANTITY = 1_000;
    /** Transitions applied at most per due-transition command (a customer years behind catches up in steps). */
    static final int MAX_TRANSITIONS = 50;

    @AggregateIdentifier
    private String id;
    private String customerId;
    private String partnerId;
    @JsonUnwrapped
    private CustomerFacts facts = new CustomerFacts();

    protected Customer() {
        // for Axon and snapshots
    }

    // ---------------------------------------------------------------- account

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CommandResult register(RegisterCustomerCommand command, CustomerEmails emails, PlanCatalog plans,
                                  Clock clock) {
        Ids.require(command.partnerId(), "partnerId");
        Ids.require(command.customerId(), "customerId");
        require(command.companyName() != null, "companyName", "must not be blank");
        require(command.email() != null, "email", "must not be blank");
        if (command.planId() == null && command.billingCycle() != null) {
            throw DomainException.invalid("planId", "must be given with a billing cycle");
        }
        if (emails.isTakenByAnother(command.partnerId(), command.email(), command.customerId())) {
            throw CustomerEmails.taken(command.email());
        }
        PlanOffer offer = command.planId() == null ? null
                : plans.assignable(command.partnerId(), command.planId(), command.billingCycle());
        apply(new CustomerRegisteredEvent(command.customerId(), command.partnerId(), command.companyName(),
                command.email()));
        if (offer != null) {
            assignFirst(offer, command.billingCycle(), clock.instant());
        }
        return result();
    }

    @CommandHandler
    public CommandResult updateProfile(UpdateCustomerProfileCommand command, CustomerEmails emails) {
        require(command.companyName() != null, "companyName", "must not be blank");
        require(command.email() != null, "email", "must not be blank");
        List<String> changed = new ArrayList<>();
        if (!command.companyName().equals(facts.companyName)) {
            changed.add("companyName");
        }
        if (!command.email().value().equals(facts.email.value())) {
            changed.add("email");
            if (emails.isTakenByAnother(partnerId, command.email(), customerId)) {
                throw CustomerEmails.taken(command.email());
            }
        }
        if (!changed.isEmpty()) {
            apply(new CustomerProfileUpdatedEvent(customerId, partnerId, command.companyName(), command.email(),
                    changed));
        }
        return result();
    }

    // ---------------------------------------------------------------- plan

    @CommandHandler
    public CommandResult assign(AssignPlanCommand command, PlanCatalog plans, Clock clock) {
        require(command.planId() != null, "planId", "must not be blank");
        require(command.billingCycle() != null, "billingCycle", "must be MONTHLY, QUARTERLY or YEARLY");
        PlanOffer offer = plans.assignable(partnerId, command.planId(), command.billingCycle());
        if (facts.subscription == null) {
            assignFirst(offer, command.billingCycle(), clock.instant());
            return result();
        }
        SubscriptionTerms next = SubscriptionTerms.of(offer.planId(), offer.name(), offer.revision(), offer.terms(),
                command.billingCycle());
        SubscriptionTerms current = facts.subscription;
        boolean same = next.planId().equals(current.planId())
                && next.planRevision() == current.planRevision()
                && next.billingCycle() == current.billingCycle();
        if (!same) {
            apply(new CustomerPlanChangedEvent(customerId, partnerId, current.planId(), current.planRevision(),
                    current.billingCycle(), next, next.notOffered(facts.addOns.keySet())));
        }
        return result();
    }

    /** The first assignment: a trial when the revision has trial days (only ever here), else a first period. */
    private void assignFirst(PlanOffer offer, BillingCycle cycle, Instant now) {
        SubscriptionTerms terms = SubscriptionTerms.of(offer.planId(), offer.name(), offer.revision(), offer.terms(),
                cycle);
        if (terms.trialDays() > 0) {
            Instant trialEnd = now.plus(Duration.ofDays(terms.trialDays()));
            apply(new CustomerPlanAssignedEvent(customerId, partnerId, terms, now, trialEnd, trialEnd));
        } else {
            apply(new CustomerPlanAssignedEvent(customerId, partnerId, terms, now, cycle.periodEnd(now), null));
        }
    }

    @CommandHandler
    public MigrationOutcome migrate(MigrateSubscriptionCommand command) {
        if (facts.subscription == null || !facts.subscription.planId().equals(command.planId())) {
            return MigrationOutcome.NOT_ON_PLAN;
        }
        if (facts.subscription.planRevision() >= command.toRevision()) {
            return MigrationOutcome.ALREADY_CURRENT;
        }
        if (!command.terms().prices().containsKey(facts.subscription.billingCycle())) {
            return MigrationOutcome.CYCLE_NOT_OFFERED;
        }
        SubscriptionTerms next = SubscriptionTerms.of(command.planId(), command.planName(), command.toRevision(),
                command.terms(), facts.subscription.billingCycle());
        if (command.effective() == MigrationEffective.NOW) {
            apply(new SubscriptionMigratedEvent(customerId, partnerId, command.jobId(),
                    facts.subscription.planRevision(), next, next.notOffered(facts.addOns.keySet())));
            return MigrationOutcome.MIGRATED;
        }
        if (facts.pendingMigration != null && facts.pendingMigration.planRevision() >= command.toRevision()) {
            return MigrationOutcome.ALREADY_CURRENT;
        }
        apply(new SubscriptionMigrationScheduledEvent(customerId, partnerId, command.jobId(),
                facts.subscription.planRevision(), next));
        return MigrationOutcome.SCHEDULED;
    }

    // ---------------------------------------------------------------- billing

    @CommandHandler
    public CommandResult recordPayment(RecordPaymentCommand command, Clock clock) {
        facts.requireSubscription();
        require(command.reference() != null && !command.reference().isBlank()
                && command.reference().strip().length() <= MAX_REFERENCE, "reference",
                "must be 1 to " + MAX_REFERENCE + " characters");
        require(command.amount() != null, "amount", "must not be missing");
        require(command.currency() != null, "currency", "must not be blank");
        String reference = command.reference().strip();
        if (facts.paymentReferences.contains(reference)) {
            return result(); // the same payment again: recorded once
        }
        SubscriptionTerms renewing = facts.renewing();
        BigDecimal amount = renewing.requirePayment(command.amount(), command.currency(), facts.addOns);
        Instant now = clock.instant();
        if (!facts.pastDue) {
            apply(new PaymentRecordedEvent(customerId, partnerId, amount, renewing.currency(), reference, now,
                    facts.prepaidPeriods + 1));
            return result();
        }
        // past due: the payment renews at once; from the end of the unpaid period while in grace (no free
        // days), from now once blocked for it (no days were served while blocked)
        boolean overdueBlocked = facts.blockedFor(BlockReason.PAYMENT_OVERDUE);
        apply(new PaymentRecordedEvent(customerId, partnerId, amount, renewing.currency(), reference, now, 0));
        renew(overdueBlocked ? now : facts.periodEnd, 0);
        if (overdueBlocked) {
            apply(new CustomerUnblockedEvent(customerId, partnerId, BlockReason.PAYMENT_OVERDUE, now));
        }
        return result();
    }

    /**
     * Applies what is due by the clock: a period that ended renews from a prepaid period or makes the customer
     * past due (grace starts); a grace period that ended unpaid blocks with PAYMENT_OVERDUE. Answers when the
     * next transition falls due (null: nothing until a payment or a new plan).
     */
    @CommandHandler
    public Instant applyDueTransitions(ApplyDueTransitionsCommand command, Clock clock) {
        Instant now = clock.instant();
        for (int step = 0; step < MAX_TRANSITIONS && facts.subscription != null; step++) {
            if (!facts.pastDue && !now.isBefore(facts.periodEnd)) {
                if (facts.prepaidPeriods > 0) {
                    renew(facts.periodEnd, facts.prepaidPeriods - 1);
                } else {
                    apply(new CustomerPastDueEvent(customerId, partnerId, facts.periodEnd,
                            facts.periodEnd.plus(Duration.ofDays(facts.subscription.gracePeriodDays()))));
                }
            } else if (facts.pastDue && !facts.blockedFor(BlockReason.PAYMENT_OVERDUE)
                    && !now.isBefore(facts.graceEndsAt)) {
                apply(new CustomerBlockedEvent(customerId, partnerId, BlockReason.PAYMENT_OVERDUE, null, now));
            } else {
                break;
            }
        }
        return facts.nextDue();
    }

    /** A new period of one cycle from {@code start}; a migration waiting for the renewal takes effect first. */
    private void renew(Instant start, int prepaidAfter) {
        SubscriptionTerms pending = facts.pendingMigration;
        if (pending != null) {
            apply(new SubscriptionMigratedEvent(customerId, partnerId, facts.pendingMigrationJob,
                    facts.subscription.planRevision(), pending, pending.notOffered(facts.addOns.keySet())));
        }
        apply(new SubscriptionRenewedEvent(customerId, partnerId, start,
                facts.subscription.billingCycle().periodEnd(start), prepaidAfter));
    }

    // ---------------------------------------------------------------- blocks

    @CommandHandler
    public CommandResult block(BlockCustomerCommand command, Clock clock) {
        require(command.note() != null && !command.note().isBlank(), "note", "a manual block needs a note");
        require(command.note().strip().length() <= MAX_NOTE, "note", "must be at most " + MAX_NOTE + " characters");
        if (!facts.blockedFor(BlockReason.MANUAL)) {
            apply(new CustomerBlockedEvent(customerId, partnerId, BlockReason.MANUAL, command.note().strip(),
                    clock.instant()));
        }
        return result();
    }

    @CommandHandler
    public CommandResult unblock(UnblockCustomerCommand command, Clock clock) {
        if (facts.blockedFor(BlockReason.MANUAL)) {
            apply(new CustomerUnblockedEvent(customerId, partnerId, BlockReason.MANUAL, clock.instant()));
        }
        return result();
    }

    // ---------------------------------------------------------------- users

    @CommandHandler
    public CommandResult addUser(AddCustomerUserCommand command) {
        Ids.require(command.userId(), "userId");
        require(command.email() != null, "email", "must not be blank");
        require(command.role() != null, "role", "must be OWNER, ADMIN or MEMBER");
        User existing = facts.users.get(command.userId());
        if (existing != null) {
            if (existing.email().normalized().equals(command.email().normalized())
                    && existing.role() == command.role()) {
                return result();
            }
            throw new DomainException(ErrorCode.USER_ALREADY_EXISTS, "userId",
                    "the customer already has a user " + command.userId());
        }
        if (facts.emailUsedByAUser(command.email())) {
            throw new DomainException(ErrorCode.USER_EMAIL_TAKEN, "email",
                    "another user of this customer already uses " + command.email().value());
        }
        facts.requireSubscription();
        Limit teamMembers = facts.subscription.effectiveLimits(facts.addOns).teamMembers();
        if (!teamMembers.allows(facts.users.size() + 1L)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "users",
                    "the plan allows " + teamMembers + " team members (revision " + facts.subscription.planRevision()
                            + " of plan " + facts.subscription.planId() + " plus add-ons) and the customer has "
                            + facts.users.size());
        }
        apply(new CustomerUserAddedEvent(customerId, partnerId, command.userId(), command.email(), command.role()));
        return result();
    }

    @CommandHandler
    public CommandResult changeUserRole(ChangeCustomerUserRoleCommand command) {
        require(command.role() != null, "role", "must be OWNER, ADMIN or MEMBER");
        User user = facts.requireUser(command.userId());
        if (user.role() != command.role()) {
            apply(new CustomerUserRoleChangedEvent(customerId, partnerId, user.userId(), user.role(),
                    command.role()));
        }
        return result();
    }

    @CommandHandler
    public CommandResult removeUser(RemoveCustomerUserCommand command) {
        User user = facts.requireUser(command.userId());
        apply(new CustomerUserRemovedEvent(customerId, partnerId, user.userId()));
        return result();
    }

    // ---------------------------------------------------------------- add-ons and usage

    @CommandHandler
    public CommandResult attachAddOn(AttachAddOnCommand command) {
        facts.requireSubscription();
        require(command.code() != null && !command.code().isBlank(), "code", "must not be blank");
        require(command.quantity() >= 1 && command.quantity() <= MAX_ADD_ON_QUANTITY, "quantity",
                "must be between 1 and " + MAX_ADD_ON_QUANTITY);
        facts.subscription.requireAddOn(command.code());
        Integer current = facts.addOns.get(command.code());
        if (current == null || current != command.quantity()) {
            apply(new AddOnAttachedEvent(customerId, partnerId, command.code(), command.quantity()));
        }
        return result();
    }

    @CommandHandler
    public CommandResult detachAddOn(DetachAddOnCommand command) {
        if (!facts.addOns.containsKey(command.code())) {
            throw new DomainException(ErrorCode.ADD_ON_NOT_ATTACHED, "code",
                    "the add-on " + command.code() + " is not attached");
        }
        apply(new AddOnDetachedEvent(customerId, partnerId, command.code()));
        return result();
    }

    @CommandHandler
    public CommandResult recordUsage(RecordUsageCommand command) {
        facts.requireSubscription();
        require(command.metric() != null, "metric", "must be messages, whatsappConversations, contacts or workspaces");
        require(command.quantity() >= 1, "quantity", "must be a whole number >= 1");
        Ids.require(command.usageId(), "usageId");
        if (facts.usageRecorded(command.usageId())) {
            return result(); // reported before: recorded once
        }
        long used = facts.usage.getOrDefault(command.metric(), 0L) + command.quantity();
        apply(new UsageRecordedEvent(customerId, partnerId, command.metric(), command.quantity(),
                command.usageId(), facts.periodStart, used));
        Limit limit = facts.subscription.effectiveLimits(facts.addOns).get(command.metric().limit());
        if (!limit.isUnlimited() && used >= limit.value() && !facts.limitsReached.contains(command.metric())) {
            apply(new UsageLimitReachedEvent(customerId, partnerId, command.metric(), limit.value(), used,
                    facts.periodStart));
        }
        return result();
    }

    // ---------------------------------------------------------------- helpers

    private CommandResult result() {
        return CommandResult.of(customerId, AggregateLifecycle.getVersion());
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(CustomerEvent event) {
        id = event.aggregateId();
        customerId = event.customerId();
        partnerId = event.partnerId();
        facts.apply(event);
    }
}
