package com.planledger.domain.plan;

import com.planledger.domain.DomainException;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An add-on a plan offers: a code, a display name, a price per billing cycle (in the plan's currency) and the
 * limit increments one unit grants (e.g. {@code {"messages": 5000}}).
 */
public record AddOnOffer(String code, String displayName, SortedMap<BillingCycle, BigDecimal> prices,
                         SortedMap<LimitKind, Long> grants) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    public AddOnOffer(String code, String displayName, Map<BillingCycle, BigDecimal> prices,
                      Map<LimitKind, Long> grants) {
        this(code, displayName, prices == null ? null : new TreeMap<>(prices),
                grants == null ? null : new TreeMap<>(grants));
    }

    public AddOnOffer {
        if (code == null || !CODE.matcher(code).matches()) {
            throw DomainException.invalid("code", "must be 1 to 40 letters, digits, '_' or '-'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw DomainException.invalid("displayName", "must not be blank");
        }
        displayName = displayName.strip();
        if (displayName.length() > 120) {
            throw DomainException.invalid("displayName", "must be at most 120 characters");
        }
        if (prices == null || prices.isEmpty()) {
            throw DomainException.invalid("prices", "must offer at least one billing cycle");
        }
        if (prices.values().stream().anyMatch(p -> p == null)) {
            throw DomainException.invalid("prices", "must not contain missing amounts");
        }
        if (grants == null || grants.isEmpty()) {
            throw DomainException.invalid("grants", "must grant at least one limit increment");
        }
        for (Map.Entry<LimitKind, Long> grant : grants.entrySet()) {
            if (grant.getValue() == null || grant.getValue() <= 0) {
                throw DomainException.invalid("grants." + grant.getKey().key(), "must be a whole number > 0");
            }
        }
        prices = Collections.unmodifiableSortedMap(new TreeMap<>(prices));
        grants = Collections.unmodifiableSortedMap(new TreeMap<>(grants));
    }
}
