package com.planledger.command.web;

import org.axonframework.modelling.command.TargetAggregateVersion;
import com.planledger.command.web.PlanRequests.CreatePlanRequest;
import com.planledger.command.web.PlanRequests.DuplicatePlanRequest;
import com.planledger.command.web.PlanRequests.RevisePlanRequest;
import com.planledger.command.web.PlanRequests.VisibilityRequest;
import com.planledger.domain.CommandResult;
import com.planledger.domain.Ids;
import com.planledger.domain.plan.ActivatePlanCommand;
import com.planledger.domain.plan.ArchivePlanCommand;
import com.planledger.domain.plan.ChangePlanVisibilityCommand;
import com.planledger.domain.plan.CreatePlanCommand;
import com.planledger.domain.plan.DeactivatePlanCommand;
import com.planledger.domain.plan.DuplicatePlanCommand;
import com.planledger.domain.plan.PlanCommand;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.RecommendPlanCommand;
import com.planledger.domain.plan.RestorePlanCommand;
import com.planledger.domain.plan.RevisePlanCommand;
import com.planledger.domain.plan.WithdrawPlanRecommendationCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The plan commands of the API: create, revise, duplicate, status, visibility, archive, recommend. */
@RestController
@RequestMapping("/v1/partners/{partnerId}/plans")
@Tag(name = "Plans (commands)")
public class PlanCommandController {

    private final CommandDispatcher commands;
    private final Writes writes;

    public PlanCommandController(CommandDispatcher commands, Writes writes) {
        this.commands = commands;
        this.writes = writes;
    }

    @PostMapping
    @Operation(summary = "Create a plan: ACTIVE, PUBLIC unless asked otherwise, revision 1")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the plan")
    public ResponseEntity<PlanWriteResponse> create(@PathVariable String partnerId,
                                                    @Valid @RequestBody CreatePlanRequest body,
                                                    @RequestParam(required = false) String consistency) {
        Writes.checkConsistency(consistency);
        String planId = body.planId() == null ? UUID.randomUUID().toString() : body.planId();
        CommandResult result = commands.send(new CreatePlanCommand(partnerId, Ids.require(planId, "planId"),
                body.type(), PlanName.of(body.name()), body.visibility(), body.toTerms()), AggregateKind.PLAN);
        return writes.created(consistency, written(partnerId, result), path(partnerId, planId),
                PlanWriteResponse.of(result));
    }

    @PutMapping("/{planId}")
    @Operation(summary = "Revise a plan's terms: a new revision listing the changed fields, nothing when "
            + "nothing changed")
    public ResponseEntity<PlanWriteResponse> revise(@PathVariable String partnerId, @PathVariable String planId,
                                                    @Valid @RequestBody RevisePlanRequest body,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                    @RequestParam(required = false) String consistency) {
        return ok(consistency, new RevisePlanCommand(partnerId, planId, PlanName.of(body.name()), body.toTerms(),
                Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{planId}/duplicate")
    @Operation(summary = "Copy the plan's latest terms into a new plan: INACTIVE, PRIVATE, revision 1")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the new plan")
    public ResponseEntity<PlanWriteResponse> duplicate(@PathVariable String partnerId, @PathVariable String planId,
                                                       @Valid @RequestBody DuplicatePlanRequest body,
                                                       @RequestHeader(value = "If-Match", required = false)
                                                       String ifMatch,
                                                       @RequestParam(required = false) String consistency) {
        Writes.checkConsistency(consistency);
        String newPlanId = body.planId() == null ? UUID.randomUUID().toString() : body.planId();
        CommandResult result = commands.send(new DuplicatePlanCommand(partnerId, planId,
                Ids.require(newPlanId, "planId"), PlanName.of(body.name()), body.displayName(),
                Writes.ifMatch(ifMatch)), AggregateKind.PLAN);
        return writes.created(consistency, written(partnerId, result), path(partnerId, newPlanId),
                PlanWriteResponse.of(result));
    }

    @PostMapping("/{planId}/activate")
    @Operation(summary = "Status toggle to ACTIVE (nothing recorded when already ACTIVE)")
    public ResponseEntity<PlanWriteResponse> activate(@PathVariable String partnerId, @PathVariable String planId,
                                                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                      @RequestParam(required = false) String consistency) {
        return ok(consistency, new ActivatePlanCommand(partnerId, planId, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{planId}/deactivate")
    @Operation(summary = "Status toggle to INACTIVE; withdraws the recommendation")
    public ResponseEntity<PlanWriteResponse> deactivate(@PathVariable String partnerId, @PathVariable String planId,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch,
                                                        @RequestParam(required = false) String consistency) {
        return ok(consistency, new DeactivatePlanCommand(partnerId, planId, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{planId}/visibility")
    @Operation(summary = "PUBLIC (on the pricing page) or PRIVATE (hidden, still assignable)")
    public ResponseEntity<PlanWriteResponse> visibility(@PathVariable String partnerId, @PathVariable String planId,
                                                        @Valid @RequestBody VisibilityRequest body,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch,
                                                        @RequestParam(required = false) String consistency) {
        return ok(consistency, new ChangePlanVisibilityCommand(partnerId, planId, body.visibility(),
                Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{planId}/archive")
    @Operation(summary = "Retire the plan: no new customers; customers on it keep it")
    public ResponseEntity<PlanWriteResponse> archive(@PathVariable String partnerId, @PathVariable String planId,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     @RequestParam(required = false) String consistency) {
        return ok(consistency, new ArchivePlanCommand(partnerId, planId, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{planId}/restore")
    @Operation(summary = "Bring an archived plan back, INACTIVE and PRIVATE")
    public ResponseEntity<PlanWriteResponse> restore(@PathVariable String partnerId, @PathVariable String planId,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     @RequestParam(required = false) String consistency) {
        return ok(consistency, new RestorePlanCommand(partnerId, planId, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{planId}/recommend")
    @Operation(summary = "Make this the partner's one recommended plan (the previous one is withdrawn)")
    public ResponseEntity<PlanWriteResponse> recommend(@PathVariable String partnerId, @PathVariable String planId,
                                                       @RequestHeader(value = "If-Match", required = false)
                                                       String ifMatch,
                                                       @RequestParam(required = false) String consistency) {
        return ok(consistency, new RecommendPlanCommand(partnerId, planId, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{planId}/withdraw-recommendation")
    @Operation(summary = "Withdraw the plan's recommendation")
    public ResponseEntity<PlanWriteResponse> withdraw(@PathVariable String partnerId, @PathVariable String planId,
                                                      @RequestHeader(value = "If-Match", required = false)
                                                      String ifMatch,
                                                      @RequestParam(required = false) String consistency) {
        return ok(consistency, WithdrawPlanRecommendationCommand.byPartner(partnerId, planId,
                Writes.ifMatch(ifMatch)));
    }

    private ResponseEntity<PlanWriteResponse> ok(String consistency, PlanCommand command) {
        Writes.checkConsistency(consistency);
        CommandResult result = commands.send(command, AggregateKind.PLAN);
        return writes.ok(consistency, written(command.partnerId(), result), PlanWriteResponse.of(result));
    }

    private static Writes.Written written(String partnerId, CommandResult result) {
        return new Writes.Written(AggregateKind.PLAN, Ids.plan(partnerId, result.id()), result.version());
    }

    static String path(String partnerId, String planId) {
        return "/v1/partners/" + partnerId + "/plans/" + planId;
    }
}
