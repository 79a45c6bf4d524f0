package com.planledger.command.web;

import com.planledger.domain.DomainException;
import com.planledger.domain.plan.AddOnOffer;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Limit;
import com.planledger.domain.plan.LimitKind;
import com.planledger.domain.plan.Limits;
import com.planledger.domain.plan.MigrationEffective;
import com.planledger.domain.plan.PlanTerms;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.Tax;
import com.planledger.domain.plan.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the plan endpoints. Shape checks here; the rules of each value live in the domain. */
public final class PlanRequests {

    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    static final String ID_MESSAGE = "must be letters, digits, '.', '_' or '-', starting with a letter or digit";

    private PlanRequests() {
    }

    @Schema(description = "GST settings")
    public record TaxRequest(
            @NotNull Boolean enabled,
            @Schema(description = "default 18") BigDecimal ratePercent,
            @Schema(description = "whether prices include the tax; default false") Boolean inclusive) {

        Tax toTax() {
            try {
                return new Tax(enabled, ratePercent, Boolean.TRUE.equals(inclusive));
            } catch (DomainException e) {
                throw e.under("tax");
            }
        }
    }

    @Schema(description = "Limits: a whole number >= 0 or \"UNLIMITED\"")
    public record LimitsRequest(
            @NotNull @Schema(type = "string", example = "10000") Limit messages,
            @NotNull @Schema(type = "string", example = "1000") Limit whatsappConversations,
            @NotNull @Schema(type = "string", example = "5") Limit teamMembers,
            @NotNull @Schema(type = "string", example = "2") Limit workspaces,
            @NotNull @Schema(type = "string", example = "5") Limit teamUsersPerWorkspace,
            @NotNull @Schema(type = "string", example = "UNLIMITED") Limit contacts) {

        Limits toLimits() {
            return new Limits(messages, whatsappConversations, teamMembers, workspaces, teamUsersPerWorkspace,
                    contacts);
        }
    }

    @Schema(description = "An add-on offered with the plan")
    public record AddOnRequest(
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 120) String displayName,
            @NotEmpty Map<BillingCycle, @NotNull BigDecimal> prices,
            @NotEmpty @Schema(description = "limit increments per unit, e.g. {\"messages\": 5000}")
            Map<String, @NotNull Long> grants) {

        AddOnOffer toOffer(int index) {
            Map<LimitKind, Long> kinds = new EnumMap<>(LimitKind.class);
            grants.forEach((key, value) -> {
                try {
                    kinds.put(LimitKind.fromKey(key), value);
                } catch (IllegalArgumentException e) {
                    throw DomainException.invalid("addOns[" + index + "].grants." + key, e.getMessage());
                }
            });
            try {
                return new AddOnOffer(code, displayName, prices, kinds);
            } catch (DomainException e) {
                throw e.under("addOns[" + index + "]");
            }
        }
    }

    @Schema(description = "A new plan. Omitted: tax disabled, trialDays 0, gracePeriodDays 0, no integrations, "
            + "no add-ons, visibility PUBLIC, a generated planId.")
    public record CreatePlanRequest(
            @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String planId,
            @NotNull PlanType type,
            @NotBlank @Size(max = 80) String name,
            @NotBlank @Size(max = 120) String displayName,
            @NotBlank String currency,
            @NotEmpty Map<BillingCycle, @NotNull BigDecimal> prices,
            @Valid TaxRequest tax,
            @NotNull @Valid LimitsRequest limits,
            @Min(0) @Max(365) Integer trialDays,
            @Min(0) @Max(90) Integer gracePeriodDays,
            @Size(max = 100) List<@NotBlank String> integrations,
            @Size(max = 50) List<@Valid @NotNull AddOnRequest> addOns,
            BigDecimal revenueSharePercent,
            Visibility visibility) {

        PlanTerms toTerms() {
            return terms(displayName, currency, prices, tax, limits, trialDays, gracePeriodDays, integrations,
                    addOns, revenueSharePercent);
        }
    }

    @Schema(description = "The plan's complete new terms (a full replacement: every field is required; "
            + "revenueSharePercent for REVENUE_SHARING plans only)")
    public record RevisePlanRequest(
            @NotBlank @Size(max = 80) String name,
            @NotBlank @Size(max = 120) String displayName,
            @NotBlank String currency,
            @NotEmpty Map<BillingCycle, @NotNull BigDecimal> prices,
            @NotNull @Valid TaxRequest tax,
            @NotNull @Valid LimitsRequest limits,
            @NotNull @Min(0) @Max(365) Integer trialDays,
            @NotNull @Min(0) @Max(90) Integer gracePeriodDays,
            @NotNull @Size(max = 100) List<@NotBlank String> integrations,
            @NotNull @Size(max = 50) List<@Valid @NotNull AddOnRequest> addOns,
            BigDecimal revenueSharePercent) {

        PlanTerms toTerms() {
            return terms(displayName, currency, prices, tax, limits, trialDays, gracePeriodDays, integrations,
                    addOns, revenueSharePercent);
        }
    }

    public record DuplicatePlanRequest(
            @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String planId,
            @NotBlank @Size(max = 80) String name,
            @Size(min = 1, max = 120) String displayName) {
    }

    public record VisibilityRequest(@NotNull Visibility visibility) {
    }

    public record MigrateSubscribersRequest(@NotNull MigrationEffective effective) {
    }

    private static PlanTerms terms(String displayName, String currency, Map<BillingCycle, BigDecimal> prices,
                                   TaxRequest tax, LimitsRequest limits, Integer trialDays, Integer graceDays,
                                   List<String> integrations, List<AddOnRequest> addOns,
                                   BigDecimal revenueSharePercent) {
        List<AddOnOffer> offers = new ArrayList<>();
        if (addOns != null) {
            for (int i = 0; i < addOns.size(); i++) {
                offers.add(addOns.get(i).toOffer(i));
            }
        }
        return new PlanTerms(displayName, currency, prices, tax == null ? Tax.none() : tax.toTax(),
                limits.toLimits(), trialDays == null ? 0 : trialDays, graceDays == null ? 0 : graceDays,
                integrations, offers, revenueSharePercent);
    }
}
