package com.planledger.query.web;

import com.planledger.query.admin.ProjectionAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import com.planledger.domain.DomainException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read models for operators (ADMIN keys only): status, lag, replay, parked events. */
@RestController
@RequestMapping("/v1/admin/projections")
@Tag(name = "Admin")
public class AdminController {

    private final ProjectionAdmin projections;

    public AdminController(ProjectionAdmin projections) {
        this.projections = projections;
    }

    @GetMapping
    @Operation(summary = "Every read model's processor: status, position, head, lag, replaying and progress")
    public List<ProjectionAdmin.ProjectionStatus> list() {
        return projections.all();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One read model's processor")
    public ProjectionAdmin.ProjectionStatus one(@PathVariable String name) {
        return projections.one(name);
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(summary = "The sequences (aggregates) with parked events, each with its events and the first failure")
    public List<ProjectionAdmin.ParkedSequence> deadLetters(@PathVariable String name,
                                                            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw DomainException.invalid("limit", "must be 1 to 1000");
        }
        return projections.deadLetterList(name, limit);
    }

    @DeleteMapping("/{name}/dead-letters")
    @Operation(summary = "Drop the parked events of one sequence (as listed) without applying them")
    public ProjectionAdmin.Dropped dropDeadLetters(@PathVariable String name, @RequestParam String sequence) {
        return projections.dropDeadLetters(name, sequence);
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Retry the events parked after a failure, once each sequence")
    public ProjectionAdmin.Retry retryDeadLetters(@PathVariable String name) {
        return projections.retryDeadLetters(name);
    }

    @DeleteMapping("/{name}/replay")
    @Operation(summary = "Cancel the rebuild under way; the live generation goes on serving")
    public ProjectionAdmin.ProjectionStatus cancelReplay(@PathVariable String name) {
        return projections.cancelReplay(name);
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild the read model from the events into a next generation while the live one serves, "
            + "switching when caught up; follow the progress with GET")
    @ApiResponse(responseCode = "202", description = "Accepted; follow the rebuild with GET")
    public ResponseEntity<ProjectionAdmin.ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.replay(name));
    }
}
