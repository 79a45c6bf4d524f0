package com.planledger.app.clock;

import com.planledger.command.policy.DueTransitionScheduler;
import com.planledger.domain.DomainException;
import com.planledger.domain.time.MutableClock;
import com.planledger.query.admin.ProjectionAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * A test clock, as Stripe's test clocks: only with {@code planledger.test-clock.enabled=true} (otherwise these
 * paths do not exist and answer 404). Advancing moves the domain clock forward, applies every transition due by
 * then (this instance's due-transition scheduler, run at once) and answers when the read models caught up, so a
 * partner's developers can rehearse a year of billing in seconds. One instance with both sides: each instance has
 * its own clock.
 */
@RestController
@RequestMapping("/v1/admin/clock")
@ConditionalOnProperty(name = "planledger.test-clock.enabled", havingValue = "true")
@Tag(name = "Admin")
public class TestClockController {

    /** How long an advance waits for the read models after the transitions. */
    static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final MutableClock clock;
    private final ObjectProvider<DueTransitionScheduler> scheduler;
    private final ObjectProvider<ProjectionAdmin> projections;

    public TestClockController(Clock clock, ObjectProvider<DueTransitionScheduler> scheduler,
                               ObjectProvider<ProjectionAdmin> projections) {
        if (!(clock instanceof MutableClock movable)) {
            throw new IllegalStateException("planledger.test-clock.enabled=true needs the test clock as the "
                    + "domain clock, found " + clock.getClass().getName());
        }
        this.clock = movable;
        this.scheduler = scheduler;
        this.projections = projections;
    }

    /** The clock now. */
    public record ClockView(Instant now, Integer customersProcessed, Boolean readModelsCaughtUp) {
    }

    /** {@code by}: an ISO-8601 duration ({@code P31D}, {@code PT12H}); or {@code to}: an instant. */
    public record AdvanceRequest(String by, Instant to) {
    }

    @GetMapping
    @Operation(summary = "The test clock's time (only with planledger.test-clock.enabled=true)")
    public ClockView now() {
        return new ClockView(clock.instant(), null, null);
    }

    @PostMapping("/advance")
    @Operation(summary = "Move the test clock forward by a duration or to an instant, apply every transition due "
            + "by then, and answer once the read models caught up")
    public synchronized ClockView advance(@RequestBody AdvanceRequest body) {
        Instant target = target(Objects.requireNonNullElse(body, new AdvanceRequest(null, null)));
        clock.set(target);
        DueTransitionScheduler transitions = scheduler.getIfAvailable();
        int processed = transitions == null ? 0 : transitions.runOnce();
        return new ClockView(clock.instant(), processed, awaitReadModels());
    }

    private Instant target(AdvanceRequest body) {
        if ((body.by() == null) == (body.to() == null)) {
            throw DomainException.invalid("by", "give exactly one of by (a duration such as P31D) or to (an instant)");
        }
        Instant now = clock.instant();
        Instant target;
        if (body.by() != null) {
            Duration by;
            try {
                by = Duration.parse(body.by());
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("by", "must be an ISO-8601 duration such as P31D or PT12H");
            }
            if (by.isNegative() || by.compareTo(Duration.ofDays(3660)) > 0) {
                throw DomainException.invalid("by", "must be between zero and ten years");
            }
            target = now.plus(by);
        } else {
            target = body.to();
        }
        if (target.isBefore(now)) {
            throw DomainException.invalid(body.by() != null ? "by" : "to", "the clock never goes back; it is " + now);
        }
        return target;
    }

    private Boolean awaitReadModels() {
        ProjectionAdmin admin = projections.getIfAvailable();
        if (admin == null) {
            return null;
        }
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (admin.all().stream().allMatch(status -> status.lag() != null && status.lag() == 0)) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return false;
    }
}
