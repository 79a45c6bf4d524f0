package com.planledger.command.web;

import com.planledger.command.policy.MigrationJobs;
import com.planledger.command.web.PlanRequests.MigrateSubscribersRequest;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.plan.RequestSubscriberMigrationCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Grandfathering's bulk move: {@code migrate-subscribers} moves every customer on an older revision of the plan to
 * its latest revision (now, or at each one's next renewal), and reports its progress as a job.
 */
@RestController
@RequestMapping("/v1/partners/{partnerId}/plans/{planId}")
@Tag(name = "Plans (commands)")
public class MigrationController {

    private final CommandDispatcher commands;
    private final MigrationJobs jobs;

    public MigrationController(CommandDispatcher commands, MigrationJobs jobs) {
        this.commands = commands;
        this.jobs = jobs;
    }

    /** A migration job's progress. */
    public record MigrationJobView(String jobId, String planId, int toRevision, String effective, String status,
                                   long total, long processed, Map<String, Long> outcomes, long failed,
                                   Instant requestedAt, Instant startedAt, Instant completedAt) {
    }

    @PostMapping("/migrate-subscribers")
    @Operation(summary = "Move every customer on an older revision to the latest one: NOW or NEXT_RENEWAL; "
            + "202 with a job to follow")
    @ApiResponse(responseCode = "202", description = "Accepted; the Location header names the job to follow")
    public ResponseEntity<MigrationJobView> migrate(@PathVariable String partnerId, @PathVariable String planId,
                                                    @Valid @RequestBody MigrateSubscribersRequest body,
                                                    @RequestHeader(value = "If-Match", required = false)
                                                    String ifMatch) {
        String jobId = UUID.randomUUID().toString();
        commands.send(new RequestSubscriberMigrationCommand(partnerId, planId, jobId, body.effective(),
                Writes.ifMatch(ifMatch)), AggregateKind.PLAN);
        MigrationJobView job = view(jobs.find(partnerId, jobId));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().replacePath(
                        "/v1/partners/" + partnerId + "/plans/" + planId + "/migrations/" + jobId).build().toUri())
                .body(job);
    }

    @GetMapping("/migrations/{jobId}")
    @Operation(summary = "A subscriber migration's progress: status, total, processed, outcomes")
    public MigrationJobView job(@PathVariable String partnerId, @PathVariable String planId,
                                @PathVariable String jobId) {
        Document job = jobs.find(partnerId, jobId);
        if (job == null || !planId.equals(job.getString("planId"))) {
            throw new DomainException(ErrorCode.MIGRATION_NOT_FOUND, "jobId", "no migration " + jobId);
        }
        return view(job);
    }

    private static MigrationJobView view(Document job) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        Document counted = job.get("outcomes", Document.class);
        if (counted != null) {
            counted.forEach((k, v) -> outcomes.put(k, ((Number) v).longValue()));
        }
        return new MigrationJobView(job.getString("jobId"), job.getString("planId"), job.getInteger("toRevision"),
                job.getString("effective"), job.getString("status"), number(job, "total"), number(job, "processed"),
                outcomes, number(job, "failed"), instant(job, "requestedAt"), instant(job, "startedAt"),
                instant(job, "completedAt"));
    }

    private static long number(Document job, String field) {
        Number n = job.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    private static Instant instant(Document job, String field) {
        Date d = job.getDate(field);
        return d == null ? null : d.toInstant();
    }
}
