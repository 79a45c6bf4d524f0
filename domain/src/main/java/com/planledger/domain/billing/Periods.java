package com.planledger.domain.billing;

import com.planledger.domain.plan.BillingCycle;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Period arithmetic from an anchor: the n-th boundary is the anchor plus n times the cycle's months, computed from
 * the anchor and never from the previous boundary (a month from 31 January is 28 or 29 February, two months is
 * 31 March). All in UTC.
 */
public final class Periods {

    private Periods() {
    }

    /** The anchor plus {@code months} calendar months (day clamped to the month's length). */
    public static Instant plusMonths(Instant anchor, long months) {
        return anchor.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** The first boundary of {@code cycle} counted from {@code anchor} that is after {@code after}. */
    public static Instant nextBoundary(Instant anchor, BillingCycle cycle, Instant after) {
        return plusMonths(anchor, boundaryAfter(anchor, cycle.months(), after) * cycle.months());
    }

    /** The monthly usage window, counted from {@code anchor}, that contains {@code at}. */
    public static Window monthWindow(Instant anchor, Instant at) {
        if (at.isBefore(anchor)) {
            return new Window(anchor, plusMonths(anchor, 1));
        }
        long n = boundaryAfter(anchor, 1, at);
        return new Window(plusMonths(anchor, n - 1), plusMonths(anchor, n));
    }

    /** The smallest n >= 1 whose boundary {@code anchor + n × step months} is after {@code after}. */
    private static long boundaryAfter(Instant anchor, int step, Instant after) {
        // estimate from the calendar months between, then correct by at most a step either way
        long n = Math.max(1, (monthsBetween(anchor, after) / step));
        while (n > 1 && plusMonths(anchor, (n - 1) * step).isAfter(after)) {
            n--;
        }
        while (!plusMonths(anchor, n * step).isAfter(after)) {
            n++;
        }
        return n;
    }

    private static long monthsBetween(Instant from, Instant to) {
        return Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(from.atOffset(ZoneOffset.UTC),
                to.atOffset(ZoneOffset.UTC)));
    }

    /** A half-open interval of time: {@code [from, to)}. */
    public record Window(Instant from, Instant to) {
    }
}
