package com.planledger.domain.plan;

import com.planledger.domain.DomainException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** GST settings of a plan: enabled, rate (default 18 %), and whether prices include the tax. */
public record Tax(boolean enabled, BigDecimal ratePercent, boolean inclusive) {

    public static final BigDecimal DEFAULT_RATE = new BigDecimal("18");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public Tax {
        if (ratePercent == null) {
            ratePercent = DEFAULT_RATE;
        }
        if (ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) > 0) {
            throw DomainException.invalid("ratePercent", "must be between 0 and 100");
        }
        if (ratePercent.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("ratePercent", "allows at most 2 decimals");
        }
        ratePercent = ratePercent.stripTrailingZeros();
        if (ratePercent.scale() < 0) {
            ratePercent = ratePercent.setScale(0);
        }
    }

    public static Tax none() {
        return new Tax(false, DEFAULT_RATE, false);
    }

    /** What a customer pays for {@code price}: the price, plus the tax when it is enabled and not included. */
    public BigDecimal gross(BigDecimal price) {
        if (!enabled || inclusive) {
            return price;
        }
        BigDecimal tax = price.multiply(ratePercent).divide(HUNDRED, price.scale(), RoundingMode.HALF_UP);
        return price.add(tax);
    }
}
