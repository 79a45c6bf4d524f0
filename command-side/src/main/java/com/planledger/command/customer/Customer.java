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
import com.planledger.domain.customer.CancelSubscriptionCommand;
import com.planledger.domain.customer.CustomerBlockedEvent;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.customer.CustomerProfileUpdatedEvent;
import com.planledger.domain.customer.CustomerRegisteredEvent;
import com.planledger.domain.customer.CustomerUnblockedEvent;
import com.planledger.domain.customer.CustomerUserAddedEvent;
import com.planledger.domain.customer.CustomerUserRemovedEvent;
import com.planledger.domain.customer.CustomerUserRoleChangedEvent;
import com.planledger.domain.customer.DetachAddOnCommand;
import com.planledger.domain.customer.MigrateSubscriptionCommand;
import com.planledger.domain.customer.MigrationOutcome;
import com.planledger.domain.customer.ReactivateSubscriptionCommand;
import com.planledger.domain.customer.RecordPaymentCommand;
import com.planledger.domain.customer.RecordUsageCommand;
import com.planledger.domain.customer.RegisterCustomerCommand;
import com.planledger.domain.customer.RemoveCustomerUserCommand;
import com.planledger.domain.customer.RemoveScheduledChangeCommand;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.customer.UnblockCustomerCommand;
import com.planledger.domain.customer.UpdateCustomerProfileCommand;
import com.planledger.domain.plan.AddOnOffer;
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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.planledger.domain.DomainException.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's customer: its profile, its one subscription and account, its blocks, users, add-ons and usage. Every
 * rule of DOMAIN.md's Customer section that concerns one customer is checked here; the money and time rules of
 * BILLING.md are decided by {@link Billing}, usage by {@link UsageMeter}. Time comes from the injected
 * {@link Clock}; the command side's scheduler applies the time-based transitions by sending
 * {@link ApplyDueTransitionsCommand}.
 * <p>
 * What its events established lives in {@link CustomerFacts}; the handlers here read it and decide. The aggregate
 * is its own snapshot (Jackson writes its identifier and its facts, flat); a customer with a long history loads
 * from its latest snapshot plus the events after it.
 */
@Aggregate(snapshotTriggerDefinition = "customerSnapshotTrigger", snapshotFilter = "customerSnapshotFilter")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE, creatorVisibility = JsonAutoDetect.Visibility.NONE)
public class Customer {

    static final int MAX_NOTE = 500;
    static final int MAX_REFERENCE = 100;
    static final int MAX_REASON = 500;
    static final int MAX_ADD_ON_QUANTITY = 1_000;

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
                                  InvoiceNumbers numbers, Clock clock) {
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
            billing().start(SubscriptionTerms.of(offer.planId(), offer.name(), offer.revision(), offer.terms(),
                    command.billingCycle()), clock.instant(), numbers);
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
    public CommandResult assign(AssignPlanCommand command, PlanCatalog plans, InvoiceNumbers numbers, Clock clock) {
        require(command.planId() != null, "planId", "must not be blank");
        require(command.billingCycle() != null, "billingCycle", "must be MONTHLY, QUARTERLY or YEARLY");
        PlanOffer offer = plans.assignable(partnerId, command.planId(), command.billingCycle());
        SubscriptionTerms next = SubscriptionTerms.of(offer.planId(), offer.name(), offer.revision(), offer.terms(),
                command.billingCycle());
        Instant now = clock.instant();
        billing().catchUp(now, numbers);
        if (facts.subscribed()) {
            billing().change(next, command.effective(), command.proration(), now, numbers);
        } else {
            billing().start(next, now, numbers);
        }
        return result();
    }

    @CommandHandler
    public CommandResult removeScheduledChange(RemoveScheduledChangeCommand command) {
        facts.requireSubscription();
        billing().removeScheduledChange(true);
        return result();
    }

    @CommandHandler
    public CommandResult cancel(CancelSubscriptionCommand command, InvoiceNumbers numbers, Clock clock) {
        require(command.reason() != null && !command.reason().isBlank()
                && command.reason().strip().length() <= MAX_REASON, "reason", "must be 1 to " + MAX_REASON
                + " characters");
        Instant now = clock.instant();
        billing().catchUp(now, numbers);
        billing().cancel(command.effective(), command.proration(), command.reason().strip(), now, numbers);
        return result();
    }

    @CommandHandler
    public CommandResult reactivate(ReactivateSubscriptionCommand command, InvoiceNumbers numbers, Clock clock) {
        billing().catchUp(clock.instant(), numbers);
        billing().reactivate();
        return result();
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
    public CommandResult recordPayment(RecordPaymentCommand command, InvoiceNumbers numbers, Clock clock) {
        require(command.reference() != null && !command.reference().isBlank()
                && command.reference().strip().length() <= MAX_REFERENCE, "reference",
                "must be 1 to " + MAX_REFERENCE + " characters");
        require(command.amount() != null, "amount", "must not be missing");
        require(command.currency() != null, "currency", "must not be blank");
        Instant now = clock.instant();
        billing().catchUp(now, numbers);
        billing().pay(command.amount(), command.currency(), command.reference().strip(), now, numbers);
        return result();
    }

    /**
     * Applies what is due by the clock (renewals, trial ends, ends of cancelled subscriptions, invoices falling
     * due, grace ending) and answers when the next transition falls due (null: nothing until a payment or a plan).
     */
    @CommandHandler
    public Instant applyDueTransitions(ApplyDueTransitionsCommand command, InvoiceNumbers numbers, Clock clock) {
        return billing().catchUp(clock.instant(), numbers);
    }

    private Billing billing() {
        return new Billing(customerId, partnerId, facts);
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
    public CommandResult attachAddOn(AttachAddOnCommand command, InvoiceNumbers numbers, Clock clock) {
        facts.requireSubscription();
        require(command.code() != null && !command.code().isBlank(), "code", "must not be blank");
        require(command.quantity() >= 1 && command.quantity() <= MAX_ADD_ON_QUANTITY, "quantity",
                "must be between 1 and " + MAX_ADD_ON_QUANTITY);
        AddOnOffer offer = facts.subscription.requireAddOn(command.code());
        Instant now = clock.instant();
        billing().catchUp(now, numbers);
        Integer current = facts.addOns.get(command.code());
        if (current == null || current != command.quantity()) {
            apply(new AddOnAttachedEvent(customerId, partnerId, command.code(), command.quantity()));
            billing().prorateAddOn(offer, current == null ? 0 : current, command.quantity(), now, numbers);
        }
        return result();
    }

    @CommandHandler
    public CommandResult detachAddOn(DetachAddOnCommand command, InvoiceNumbers numbers, Clock clock) {
        Instant now = clock.instant();
        billing().catchUp(now, numbers);
        Integer current = facts.addOns.get(command.code());
        if (current == null) {
            throw new DomainException(ErrorCode.ADD_ON_NOT_ATTACHED, "code",
                    "the add-on " + command.code() + " is not attached");
        }
        apply(new AddOnDetachedEvent(customerId, partnerId, command.code()));
        AddOnOffer offer = facts.subscription.addOn(command.code());
        if (offer != null && facts.subscribed()) {
            billing().prorateAddOn(offer, current, 0, now, numbers);
        }
        return result();
    }

    @CommandHandler
    public CommandResult recordUsage(RecordUsageCommand command, Clock clock) {
        facts.requireSubscription();
        new UsageMeter(customerId, partnerId, facts).record(command, clock.instant());
        return result();
    }

    // ---------------------------------------------------------------- helpers

    private CommandResult result() {
        return CommandResult.of(customerId, AggregateLifecycle.getVersion());
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(CustomerEvent event) {
        id = Ids.customerAggregate(event.partnerId(), event.customerId());
        customerId = event.customerId();
        partnerId = event.partnerId();
        facts.apply(event);
    }
}
