package com.planledger.domain.billing;

import com.planledger.domain.money.Currencies;
import com.planledger.domain.plan.Tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Exact money arithmetic of invoices: proration, subtotal, GST and total, each rounded half-up to the scale. */
public final class Money {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Money() {
    }

    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(Currencies.scaleOf(currency));
    }

    /**
     * {@code amount × unused / length} for the part of {@code [from, to)} that starts at {@code at}, rounded
     * half-up to the currency's scale (second precision).
     */
    public static BigDecimal prorate(BigDecimal amount, Instant from, Instant to, Instant at, String currency) {
        long length = Duration.between(from, to).toSeconds();
        long unused = Math.max(0, Math.min(length, Duration.between(at, to).toSeconds()));
        if (length <= 0) {
            return zero(currency);
        }
        return amount.multiply(BigDecimal.valueOf(unused))
                .divide(BigDecimal.valueOf(length), Currencies.scaleOf(currency), RoundingMode.HALF_UP);
    }

    /** Subtotal, tax and total of invoice lines under {@code tax} (no tax when it is not enabled). */
    public static Totals totals(List<InvoiceLine> lines, Tax tax, String currency) {
        int scale = Currencies.scaleOf(currency);
        BigDecimal subtotal = lines.stream().map(InvoiceLine::amount).reduce(zero(currency), BigDecimal::add);
        if (tax == null || !tax.enabled()) {
            return new Totals(subtotal, new InvoiceTax(BigDecimal.ZERO, false, zero(currency)), subtotal);
        }
        BigDecimal rate = tax.ratePercent();
        if (tax.inclusive()) {
            // the tax inside a gross amount: p × r / (100 + r)
            BigDecimal inside = subtotal.multiply(rate).divide(HUNDRED.add(rate), scale, RoundingMode.HALF_UP);
            return new Totals(subtotal, new InvoiceTax(rate, true, inside), subtotal);
        }
        BigDecimal added = subtotal.multiply(rate).divide(HUNDRED, scale, RoundingMode.HALF_UP);
        return new Totals(subtotal, new InvoiceTax(rate, false, added), subtotal.add(added));
    }

    /** The net of tax amount of {@code amount} under {@code tax}: the amount itself unless the tax is inclusive. */
    public static BigDecimal netOfTax(BigDecimal amount, Tax tax, String currency) {
        if (tax == null || !tax.enabled() || !tax.inclusive()) {
            return amount;
        }
        BigDecimal rate = tax.ratePercent();
        BigDecimal inside = amount.multiply(rate).divide(HUNDRED.add(rate), Currencies.scaleOf(currency),
                RoundingMode.HALF_UP);
        return amount.subtract(inside);
    }

    /** The sums of an invoice. */
    public record Totals(BigDecimal subtotal, InvoiceTax tax, BigDecimal total) {
    }
}
