package com.planledger.domain.plan;

import com.planledger.domain.DomainException;
import com.planledger.domain.money.Currencies;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The commercial terms of one plan revision: everything a revise may change. Validated and normalised on
 * construction: prices at the currency's scale, integrations sorted and unique, add-ons sorted by code.
 */
public record PlanTerms(String displayName,
                        String currency,
                        SortedMap<BillingCycle, BigDecimal> prices,
                        Tax tax,
                        Limits limits,
                        int trialDays,
                        int gracePeriodDays,
                        List<String> integrations,
                        List<AddOnOffer> addOns,
                        BigDecimal revenueSharePercent) {

    public static final int MAX_DISPLAY_NAME = 120;
    public static final int MAX_TRIAL_DAYS = 365;
    public static final int MAX_GRACE_DAYS = 90;
    public static final int MAX_INTEGRATIONS = 100;
    public static final int MAX_ADD_ONS = 50;
    private static final Pattern INTEGRATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public PlanTerms(String displayName, String currency, Map<BillingCycle, BigDecimal> prices, Tax tax,
                     Limits limits, int trialDays, int gracePeriodDays, List<String> integrations,
                     List<AddOnOffer> addOns, BigDecimal revenueSharePercent) {
        this(displayName, currency, prices == null ? null : new TreeMap<>(prices), tax, limits, trialDays,
                gracePeriodDays, integrations, addOns, revenueSharePercent);
    }

    public PlanTerms {
        if (displayName == null || displayName.isBlank()) {
            throw DomainException.invalid("displayName", "must not be blank");
        }
        displayName = displayName.strip();
        if (displayName.length() > MAX_DISPLAY_NAME) {
            throw DomainException.invalid("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters");
        }
        currency = Currencies.requireCode(currency, "currency");
        prices = normalisePrices(prices, currency, "prices");
        if (tax == null) {
            tax = Tax.none();
        }
        if (limits == null) {
            throw DomainException.invalid("limits", "must be given");
        }
        if (trialDays < 0 || trialDays > MAX_TRIAL_DAYS) {
            throw DomainException.invalid("trialDays", "must be between 0 and " + MAX_TRIAL_DAYS);
        }
        if (gracePeriodDays < 0 || gracePeriodDays > MAX_GRACE_DAYS) {
            throw DomainException.invalid("gracePeriodDays", "must be between 0 and " + MAX_GRACE_DAYS);
        }
        integrations = normaliseIntegrations(integrations);
        addOns = normaliseAddOns(addOns, currency, prices.keySet());
        if (revenueSharePercent != null) {
            if (revenueSharePercent.signum() <= 0 || revenueSharePercent.compareTo(HUNDRED) >= 0) {
                throw DomainException.invalid("revenueSharePercent", "must be greater than 0 and less than 100");
            }
            if (revenueSharePercent.stripTrailingZeros().scale() > 2) {
                throw DomainException.invalid("revenueSharePercent", "allows at most 2 decimals");
            }
            revenueSharePercent = revenueSharePercent.setScale(2);
        }
    }

    private static SortedMap<BillingCycle, BigDecimal> normalisePrices(Map<BillingCycle, BigDecimal> prices,
                                                                       String currency, String field) {
        if (prices == null || prices.isEmpty()) {
            throw DomainException.invalid(field, "must offer at least one billing cycle (MONTHLY, QUARTERLY, YEARLY)");
        }
        SortedMap<BillingCycle, BigDecimal> normalised = new TreeMap<>();
        for (Map.Entry<BillingCycle, BigDecimal> price : prices.entrySet()) {
            if (price.getKey() == null) {
                throw DomainException.invalid(field, "has an unknown billing cycle");
            }
            normalised.put(price.getKey(),
                    Currencies.requireAmount(price.getValue(), currency, field + "." + price.getKey()));
        }
        return Collections.unmodifiableSortedMap(normalised);
    }

    private static List<String> normaliseIntegrations(List<String> integrations) {
        if (integrations == null) {
            return List.of();
        }
        if (integrations.size() > MAX_INTEGRATIONS) {
            throw DomainException.invalid("integrations", "must list at most " + MAX_INTEGRATIONS + " integrations");
        }
        Set<String> sorted = new TreeSet<>();
        for (int i = 0; i < integrations.size(); i++) {
            String key = integrations.get(i);
            if (key == null || !INTEGRATION.matcher(key).matches()) {
                throw DomainException.invalid("integrations[" + i + "]",
                        "must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            sorted.add(key);
        }
        return List.copyOf(sorted);
    }

    private static List<AddOnOffer> normaliseAddOns(List<AddOnOffer> addOns, String currency,
                                                    Set<BillingCycle> planCycles) {
        if (addOns == null) {
            return List.of();
        }
        if (addOns.size() > MAX_ADD_ONS) {
            throw DomainException.invalid("addOns", "must list at most " + MAX_ADD_ONS + " add-ons");
        }
        Set<String> codes = new HashSet<>();
        List<AddOnOffer> normalised = new ArrayList<>();
        for (int i = 0; i < addOns.size(); i++) {
            String field = "addOns[" + i + "]";
            AddOnOffer offer = addOns.get(i);
            if (offer == null) {
                throw DomainException.invalid(field, "must not be null");
            }
            if (!codes.add(offer.code())) {
                throw DomainException.invalid(field + ".code", "'" + offer.code() + "' is offered twice");
            }
            for (BillingCycle cycle : offer.prices().keySet()) {
                if (!planCycles.contains(cycle)) {
                    throw DomainException.invalid(field + ".prices." + cycle,
                            "the plan does not offer the " + cycle + " billing cycle");
                }
            }
            SortedMap<BillingCycle, BigDecimal> prices = normalisePrices(offer.prices(), currency, field + ".prices");
            normalised.add(new AddOnOffer(offer.code(), offer.displayName(), prices, offer.grants()));
        }
        normalised.sort(Comparator.comparing(AddOnOffer::code));
        return List.copyOf(normalised);
    }

    /** The add-on offered under {@code code}, or {@code null}. */
    public AddOnOffer addOn(String code) {
        return addOns.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
    }

    /** Enforces the rules that tie terms to the plan type: revenue share only, and always, for REVENUE_SHARING. */
    public PlanTerms requireConsistentWith(PlanType type) {
        if (type == PlanType.REVENUE_SHARING && revenueSharePercent == null) {
            throw DomainException.invalid("revenueSharePercent", "is required for a REVENUE_SHARING plan");
        }
        if (type == PlanType.USAGE_BASED && revenueSharePercent != null) {
            throw DomainException.invalid("revenueSharePercent", "is only allowed for a REVENUE_SHARING plan");
        }
        return this;
    }
}
