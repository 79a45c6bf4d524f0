package com.planledger.command.web;

import com.planledger.domain.billing.ChangeEffective;
import com.planledger.domain.billing.Proration;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UserRole;
import com.planledger.domain.plan.BillingCycle;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Request bodies of the customer endpoints. Shape checks here; the rules of each value live in the domain. */
public final class CustomerRequests {

    private CustomerRequests() {
    }

    @Schema(description = "A new customer account; with planId and billingCycle it is assigned the plan at once")
    public record RegisterCustomerRequest(
            @Size(max = 64) @Pattern(regexp = PlanRequests.ID_PATTERN, message = PlanRequests.ID_MESSAGE)
            String customerId,
            @NotBlank @Size(max = 200) String companyName,
            @NotBlank @Size(max = 254) String email,
            @Size(max = 64) String planId,
            BillingCycle billingCycle) {
    }

    public record UpdateCustomerRequest(
            @NotBlank @Size(max = 200) String companyName,
            @NotBlank @Size(max = 254) String email) {
    }

    @Schema(description = "A new subscription, or a change effective NOW (default, prorated unless proration is NONE)"
            + " or at the PERIOD_END")
    public record AssignPlanRequest(@NotBlank @Size(max = 64) String planId, @NotNull BillingCycle billingCycle,
                                    ChangeEffective effective, Proration proration) {
    }

    @Schema(description = "A cancel at the PERIOD_END (default) or NOW (prorated credit unless proration is NONE)")
    public record CancelRequest(ChangeEffective effective, Proration proration,
                                @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "A payment of any amount above zero in the account's currency: it settles open invoices"
            + " oldest first and the rest stays as credit")
    public record PaymentRequest(
            @NotNull BigDecimal amount,
            @NotBlank String currency,
            @NotBlank @Size(max = 100) String reference) {
    }

    public record BlockRequest(@NotBlank(message = "a manual block needs a note") @Size(max = 500) String note) {
    }

    public record AddUserRequest(
            @Size(max = 64) @Pattern(regexp = PlanRequests.ID_PATTERN, message = PlanRequests.ID_MESSAGE)
            String userId,
            @NotBlank @Size(max = 254) String email,
            @NotNull UserRole role) {
    }

    public record ChangeRoleRequest(@NotNull UserRole role) {
    }

    public record AttachAddOnRequest(@NotBlank @Size(max = 40) String code,
                                     @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    @Schema(description = "Per-month metrics (messages, whatsappConversations) take a quantity added to the usage"
            + " month; level metrics (contacts, workspaces) take the current level")
    public record UsageRequest(
            @NotNull UsageMetric metric,
            @Min(1) Long quantity,
            @Min(0) Long level,
            @NotBlank @Size(max = 64) @Pattern(regexp = PlanRequests.ID_PATTERN, message = PlanRequests.ID_MESSAGE)
            String usageId) {
    }
}
