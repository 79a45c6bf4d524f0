package com.planledger.command.customer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
import com.planledger.domain.customer.CompanyName;
import com.planledger.domain.customer.CustomerBlockedEvent;
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
import com.planledger.domain.customer.EmailAddress;
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
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.customer.UserRole;
import com.planledger.domain.money.Currencies;
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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's customer: its account, its one subscription (plan revision, cycle, price in force, periods, trial,
 * grace), its blocks, users, add-ons and usage. Every rule of DOMAIN.md's Customer section that concerns one
 * customer is checked here. Time comes from the injected {@link Clock}; the command side's scheduler applies the
 * time-based transitions by sending {@link ApplyDueTransitionsCommand}.
 * <p>
 * The aggregate is its own snapshot (Jackson reads and writes its fields); a customer with a long history loads
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
    private CompanyName companyName;
    private EmailAddress email;

    private SubscriptionTerms subscription;
    private Instant periodStart;
    private Instant periodEnd;
    private Instant trialEndsAt;
    private boolean inTrial;
    private boolean pastDue;
    private Instant graceEndsAt;
    private int prepaidPeriods;
    private SubscriptionTerms pendingMigration;
    private String pendingMigrationJob;

    private Map<BlockReason, Instant> blocks = new EnumMap<>(BlockReason.class);
    private Map<String, User> users = new LinkedHashMap<>();
    private Map<String, Integer> addOns = new TreeMap<>();
    private Map<UsageMetric, Long> usage = new EnumMap<>(UsageMetric.class);
    private Set<UsageMetric> limitsReached = new HashSet<>();
    private Set<String> usageIds = new HashSet<>();
    private Set<String> previousUsageIds = new HashSet<>();
    private Set<String> paymentReferences = new HashSet<>();

    /** A team member. */
    record User(String userId, EmailAddress email, UserRole role) {
    }

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
                : assignable(plans, command.partnerId(), command.planId(), command.billingCycle());
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
        if (!command.companyName().equals(companyName)) {
            changed.add("companyName");
        }
        if (!command.email().value().equals(email.value())) {
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
        PlanOffer offer = assignable(plans, partnerId, command.planId(), command.billingCycle());
        if (subscription == null) {
            assignFirst(offer, command.billingCycle(), clock.instant());
            return result();
        }
        SubscriptionTerms next = SubscriptionTerms.of(offer.planId(), offer.name(), offer.revision(), offer.terms(),
                command.billingCycle());
        boolean same = next.planId().equals(subscription.planId())
                && next.planRevision() == subscription.planRevision()
                && next.billingCycle() == subscription.billingCycle();
        if (!same) {
            apply(new CustomerPlanChangedEvent(customerId, partnerId, subscription.planId(),
                    subscription.planRevision(), subscription.billingCycle(), next, next.notOffered(addOns.keySet())));
        }
        return result();
    }

    /** Only an assignable plan (ACTIVE, not archived) of the same partner, offering the chosen cycle. */
    private static PlanOffer assignable(PlanCatalog plans, String partnerId, String planId, BillingCycle cycle) {
        if (cycle == null) {
            throw DomainException.invalid("billingCycle", "must be given with a plan");
        }
        PlanOffer offer = plans.offer(partnerId, planId).orElseThrow(() ->
                new DomainException(ErrorCode.PLAN_NOT_FOUND, "planId", "no plan " + planId));
        if (offer.archived()) {
            throw new DomainException(ErrorCode.PLAN_ARCHIVED, "planId",
                    "plan " + planId + " is archived and can no longer be assigned");
        }
        if (!offer.assignable()) {
            throw new DomainException(ErrorCode.PLAN_INACTIVE, "planId",
                    "plan " + planId + " is INACTIVE and cannot be assigned");
        }
        if (!offer.terms().prices().containsKey(cycle)) {
            throw new DomainException(ErrorCode.BILLING_CYCLE_NOT_OFFERED, "billingCycle",
                    "plan " + planId + " does not offer the " + cycle + " billing cycle; it offers "
                            + offer.terms().prices().keySet());
        }
        return offer;
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
        if (subscription == null || !subscription.planId().equals(command.planId())) {
            return MigrationOutcome.NOT_ON_PLAN;
        }
        if (subscription.planRevision() >= command.toRevision()) {
            return MigrationOutcome.ALREADY_CURRENT;
        }
        if (!command.terms().prices().containsKey(subscription.billingCycle())) {
            return MigrationOutcome.CYCLE_NOT_OFFERED;
        }
        SubscriptionTerms next = SubscriptionTerms.of(command.planId(), command.planName(), command.toRevision(),
                command.terms(), subscription.billingCycle());
        if (command.effective() == MigrationEffective.NOW) {
            apply(new SubscriptionMigratedEvent(customerId, partnerId, command.jobId(), subscription.planRevision(),
                    next, next.notOffered(addOns.keySet())));
            return MigrationOutcome.MIGRATED;
        }
        if (pendingMigration != null && pendingMigration.planRevision() >= command.toRevision()) {
            return MigrationOutcome.ALREADY_CURRENT;
        }
        apply(new SubscriptionMigrationScheduledEvent(customerId, partnerId, command.jobId(),
                subscription.planRevision(), next));
        return MigrationOutcome.SCHEDULED;
    }

    // ---------------------------------------------------------------- billing

    @CommandHandler
    public CommandResult recordPayment(RecordPaymentCommand command, Clock clock) {
        requireSubscription();
        require(command.reference() != null && !command.reference().isBlank()
                && command.reference().strip().length() <= MAX_REFERENCE, "reference",
                "must be 1 to " + MAX_REFERENCE + " characters");
        require(command.amount() != null, "amount", "must not be missing");
        require(command.currency() != null, "currency", "must not be blank");
        String reference = command.reference().strip();
        if (paymentReferences.contains(reference)) {
            return result(); // the same payment again: recorded once
        }
        SubscriptionTerms renewing = pendingMigration != null ? pendingMigration : subscription;
        if (!renewing.currency().equals(command.currency())) {
            throw new DomainException(ErrorCode.PAYMENT_CURRENCY_MISMATCH, "currency",
                    "the subscription is paid in " + renewing.currency());
        }
        BigDecimal due = renewing.amountDue(addOns);
        BigDecimal amount = Currencies.requireAmount(command.amount(), renewing.currency(), "amount");
        if (amount.compareTo(due) != 0) {
            throw new DomainException(ErrorCode.PAYMENT_AMOUNT_MISMATCH, "amount",
                    "a period costs " + due.toPlainString() + " " + renewing.currency() + " (price"
                            + (addOns.isEmpty() ? "" : " and add-ons")
                            + (renewing.tax().enabled() && !renewing.tax().inclusive() ? " plus tax" : "") + ")");
        }
        Instant now = clock.instant();
        if (!pastDue) {
            apply(new PaymentRecordedEvent(customerId, partnerId, amount, renewing.currency(), reference, now,
                    prepaidPeriods + 1));
            return result();
        }
        // past due: the payment renews at once; from the end of the unpaid period while in grace (no free
        // days), from now once blocked for it (no days were served while blocked)
        boolean overdueBlocked = blocks.containsKey(BlockReason.PAYMENT_OVERDUE);
        apply(new PaymentRecordedEvent(customerId, partnerId, amount, renewing.currency(), reference, now, 0));
        renew(overdueBlocked ? now : periodEnd, 0);
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
        for (int step = 0; step < MAX_TRANSITIONS && subscription != null; step++) {
            if (!pastDue && !now.isBefore(periodEnd)) {
                if (prepaidPeriods > 0) {
                    renew(periodEnd, prepaidPeriods - 1);
                } else {
                    apply(new CustomerPastDueEvent(customerId, partnerId, periodEnd,
                            periodEnd.plus(Duration.ofDays(subscription.gracePeriodDays()))));
                }
            } else if (pastDue && !blocks.containsKey(BlockReason.PAYMENT_OVERDUE) && !now.isBefore(graceEndsAt)) {
                apply(new CustomerBlockedEvent(customerId, partnerId, BlockReason.PAYMENT_OVERDUE, null, now));
            } else {
                break;
            }
        }
        return nextDue();
    }

    /** A new period of one cycle from {@code start}; a migration waiting for the renewal takes effect first. */
    private void renew(Instant start, int prepaidAfter) {
        if (pendingMigration != null) {
            apply(new SubscriptionMigratedEvent(customerId, partnerId, pendingMigrationJob,
                    subscription.planRevision(), pendingMigration, pendingMigration.notOffered(addOns.keySet())));
        }
        apply(new SubscriptionRenewedEvent(customerId, partnerId, start,
                subscription.billingCycle().periodEnd(start), prepaidAfter));
    }

    /** When the next time-based transition falls due, or null. */
    Instant nextDue() {
        if (subscription == null) {
            return null;
        }
        if (!pastDue) {
            return periodEnd;
        }
        return blocks.containsKey(BlockReason.PAYMENT_OVERDUE) ? null : graceEndsAt;
    }

    // ---------------------------------------------------------------- blocks

    @CommandHandler
    public CommandResult block(BlockCustomerCommand command, Clock clock) {
        require(command.note() != null && !command.note().isBlank(), "note", "a manual block needs a note");
        require(command.note().strip().length() <= MAX_NOTE, "note", "must be at most " + MAX_NOTE + " characters");
        if (!blocks.containsKey(BlockReason.MANUAL)) {
            apply(new CustomerBlockedEvent(customerId, partnerId, BlockReason.MANUAL, command.note().strip(),
                    clock.instant()));
        }
        return result();
    }

    @CommandHandler
    public CommandResult unblock(UnblockCustomerCommand command, Clock clock) {
        if (blocks.containsKey(BlockReason.MANUAL)) {
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
        User existing = users.get(command.userId());
        if (existing != null) {
            if (existing.email().normalized().equals(command.email().normalized())
                    && existing.role() == command.role()) {
                return result();
            }
            throw new DomainException(ErrorCode.USER_ALREADY_EXISTS, "userId",
                    "the customer already has a user " + command.userId());
        }
        boolean emailUsed = users.values().stream()
                .anyMatch(u -> u.email().normalized().equals(command.email().normalized()));
        if (emailUsed) {
            throw new DomainException(ErrorCode.USER_EMAIL_TAKEN, "email",
                    "another user of this customer already uses " + command.email().value());
        }
        requireSubscription();
        Limit teamMembers = subscription.effectiveLimits(addOns).teamMembers();
        if (!teamMembers.allows(users.size() + 1L)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "users",
                    "the plan allows " + teamMembers + " team members (revision " + subscription.planRevision()
                            + " of plan " + subscription.planId() + " plus add-ons) and the customer has "
                            + users.size());
        }
        apply(new CustomerUserAddedEvent(customerId, partnerId, command.userId(), command.email(), command.role()));
        return result();
    }

    @CommandHandler
    public CommandResult changeUserRole(ChangeCustomerUserRoleCommand command) {
        require(command.role() != null, "role", "must be OWNER, ADMIN or MEMBER");
        User user = requireUser(command.userId());
        if (user.role() != command.role()) {
            apply(new CustomerUserRoleChangedEvent(customerId, partnerId, user.userId(), user.role(),
                    command.role()));
        }
        return result();
    }

    @CommandHandler
    public CommandResult removeUser(RemoveCustomerUserCommand command) {
        User user = requireUser(command.userId());
        apply(new CustomerUserRemovedEvent(customerId, partnerId, user.userId()));
        return result();
    }

    // ---------------------------------------------------------------- add-ons and usage

    @CommandHandler
    public CommandResult attachAddOn(AttachAddOnCommand command) {
        requireSubscription();
        require(command.code() != null && !command.code().isBlank(), "code", "must not be blank");
        require(command.quantity() >= 1 && command.quantity() <= MAX_ADD_ON_QUANTITY, "quantity",
                "must be between 1 and " + MAX_ADD_ON_QUANTITY);
        if (subscription.addOn(command.code()) == null) {
            throw new DomainException(ErrorCode.ADD_ON_NOT_OFFERED, "code",
                    "revision " + subscription.planRevision() + " of plan " + subscription.planId()
                            + " does not offer the add-on " + command.code() + " for the "
                            + subscription.billingCycle() + " cycle");
        }
        Integer current = addOns.get(command.code());
        if (current == null || current != command.quantity()) {
            apply(new AddOnAttachedEvent(customerId, partnerId, command.code(), command.quantity()));
        }
        return result();
    }

    @CommandHandler
    public CommandResult detachAddOn(DetachAddOnCommand command) {
        if (!addOns.containsKey(command.code())) {
            throw new DomainException(ErrorCode.ADD_ON_NOT_ATTACHED, "code",
                    "the add-on " + command.code() + " is not attached");
        }
        apply(new AddOnDetachedEvent(customerId, partnerId, command.code()));
        return result();
    }

    @CommandHandler
    public CommandResult recordUsage(RecordUsageCommand command) {
        requireSubscription();
        require(command.metric() != null, "metric", "must be messages, whatsappConversations, contacts or workspaces");
        require(command.quantity() >= 1, "quantity", "must be a whole number >= 1");
        Ids.require(command.usageId(), "usageId");
        if (usageIds.contains(command.usageId()) || previousUsageIds.contains(command.usageId())) {
            return result(); // reported before: recorded once
        }
        long used = usage.getOrDefault(command.metric(), 0L) + command.quantity();
        apply(new UsageRecordedEvent(customerId, partnerId, command.metric(), command.quantity(),
                command.usageId(), periodStart, used));
        Limit limit = subscription.effectiveLimits(addOns).get(command.metric().limit());
        if (!limit.isUnlimited() && used >= limit.value() && !limitsReached.contains(command.metric())) {
            apply(new UsageLimitReachedEvent(customerId, partnerId, command.metric(), limit.value(), used,
                    periodStart));
        }
        return result();
    }

    // ---------------------------------------------------------------- helpers

    private CommandResult result() {
        return CommandResult.of(customerId, AggregateLifecycle.getVersion());
    }

    private void requireSubscription() {
        if (subscription == null) {
            throw new DomainException(ErrorCode.NO_SUBSCRIPTION, "customer " + customerId + " has no plan");
        }
    }

    private User requireUser(String userId) {
        User user = users.get(userId);
        if (user == null) {
            throw new DomainException(ErrorCode.USER_NOT_FOUND, "userId", "the customer has no user " + userId);
        }
        return user;
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw DomainException.invalid(field, message);
        }
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event) {
        id = event.aggregateId();
        customerId = event.customerId();
        partnerId = event.partnerId();
        companyName = event.companyName();
        email = event.email();
    }

    @EventSourcingHandler
    void on(CustomerProfileUpdatedEvent event) {
        companyName = event.companyName();
        email = event.email();
    }

    @EventSourcingHandler
    void on(CustomerPlanAssignedEvent event) {
        subscription = event.subscription();
        periodStart = event.periodStart();
        periodEnd = event.periodEnd();
        trialEndsAt = event.trialEndsAt();
        inTrial = event.trialEndsAt() != null;
        startUsagePeriod();
    }

    @EventSourcingHandler
    void on(CustomerPlanChangedEvent event) {
        subscription = event.subscription();
        event.detachedAddOns().forEach(addOns::remove);
        pendingMigration = null;
        pendingMigrationJob = null;
    }

    @EventSourcingHandler
    void on(SubscriptionMigrationScheduledEvent event) {
        pendingMigration = event.subscription();
        pendingMigrationJob = event.jobId();
    }

    @EventSourcingHandler
    void on(SubscriptionMigratedEvent event) {
        subscription = event.subscription();
        event.detachedAddOns().forEach(addOns::remove);
        pendingMigration = null;
        pendingMigrationJob = null;
    }

    @EventSourcingHandler
    void on(PaymentRecordedEvent event) {
        paymentReferences.add(event.reference());
        prepaidPeriods = event.prepaidPeriods();
    }

    @EventSourcingHandler
    void on(SubscriptionRenewedEvent event) {
        periodStart = event.periodStart();
        periodEnd = event.periodEnd();
        prepaidPeriods = event.prepaidPeriods();
        inTrial = false;
        pastDue = false;
        graceEndsAt = null;
        previousUsageIds = usageIds;
        usageIds = new HashSet<>();
        startUsagePeriod();
    }

    @EventSourcingHandler
    void on(CustomerPastDueEvent event) {
        pastDue = true;
        inTrial = false;
        graceEndsAt = event.graceEndsAt();
    }

    @EventSourcingHandler
    void on(CustomerBlockedEvent event) {
        blocks.put(event.reason(), event.at());
    }

    @EventSourcingHandler
    void on(CustomerUnblockedEvent event) {
        blocks.remove(event.reason());
    }

    @EventSourcingHandler
    void on(CustomerUserAddedEvent event) {
        users.put(event.userId(), new User(event.userId(), event.email(), event.role()));
    }

    @EventSourcingHandler
    void on(CustomerUserRoleChangedEvent event) {
        User user = users.get(event.userId());
        users.put(event.userId(), new User(user.userId(), user.email(), event.role()));
    }

    @EventSourcingHandler
    void on(CustomerUserRemovedEvent event) {
        users.remove(event.userId());
    }

    @EventSourcingHandler
    void on(AddOnAttachedEvent event) {
        addOns.put(event.code(), event.quantity());
    }

    @EventSourcingHandler
    void on(AddOnDetachedEvent event) {
        addOns.remove(event.code());
    }

    @EventSourcingHandler
    void on(UsageRecordedEvent event) {
        usage.put(event.metric(), event.used());
        usageIds.add(event.usageId());
    }

    @EventSourcingHandler
    void on(UsageLimitReachedEvent event) {
        limitsReached.add(event.metric());
    }

    private void startUsagePeriod() {
        usage = new EnumMap<>(UsageMetric.class);
        limitsReached = new HashSet<>();
    }
}
