package com.planledger.domain.money;

import com.planledger.domain.DomainException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * ISO 4217 currencies and exact amounts in them. An amount never has more decimals than its currency allows
 * (INR 2, JPY 0, KWD 3) and is stored at exactly that scale: {@code 499} in INR is {@code 499.00}.
 */
public final class Currencies {

    /** Amounts above this are refused: no plan costs a trillion, and the bound keeps sums exact in a long. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Currencies() {
    }

    /** Validates an ISO 4217 code with a defined number of decimals; returns it. */
    public static String requireCode(String code, String field) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid(field, "must not be blank");
        }
        if (!CODE.matcher(code).matches()) {
            throw DomainException.invalid(field, "must be an ISO 4217 code of three upper-case letters, e.g. INR");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw DomainException.invalid(field, "'" + code + "' is not a currency of money (no decimals defined)");
            }
            return code;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    /** Number of decimals of the currency. */
    public static int scaleOf(String code) {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }

    /**
     * Validates an amount (>= 0, at most the currency's decimals, at most {@link #MAX_AMOUNT}) and returns it at
     * the currency's scale.
     */
    public static BigDecimal requireAmount(BigDecimal amount, String currency, String field) {
        if (amount == null) {
            throw DomainException.invalid(field, "must not be missing");
        }
        if (amount.signum() < 0) {
            throw DomainException.invalid(field, "must not be negative");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw DomainException.invalid(field, "must not exceed " + MAX_AMOUNT.toPlainString());
        }
        int scale = scaleOf(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw DomainException.invalid(field, currency + " allows at most " + scale + " decimals");
        }
        return amount.setScale(scale);
    }
}
