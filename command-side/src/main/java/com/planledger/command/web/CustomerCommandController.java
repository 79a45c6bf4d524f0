package com.planledger.command.web;

import org.axonframework.modelling.command.TargetAggregateVersion;
import com.planledger.command.web.CustomerRequests.AddUserRequest;
import com.planledger.command.web.CustomerRequests.AssignPlanRequest;
import com.planledger.command.web.CustomerRequests.AttachAddOnRequest;
import com.planledger.command.web.CustomerRequests.BlockRequest;
import com.planledger.command.web.CustomerRequests.CancelRequest;
import com.planledger.command.web.CustomerRequests.ChangeRoleRequest;
import com.planledger.command.web.CustomerRequests.PaymentRequest;
import com.planledger.command.web.CustomerRequests.RegisterCustomerRequest;
import com.planledger.command.web.CustomerRequests.UpdateCustomerRequest;
import com.planledger.command.web.CustomerRequests.UsageRequest;
import com.planledger.domain.CommandResult;
import com.planledger.domain.Ids;
import com.planledger.domain.customer.AddCustomerUserCommand;
import com.planledger.domain.customer.AssignPlanCommand;
import com.planledger.domain.customer.AttachAddOnCommand;
import com.planledger.domain.customer.BlockCustomerCommand;
import com.planledger.domain.customer.ChangeCustomerUserRoleCommand;
import com.planledger.domain.customer.CompanyName;
import com.planledger.domain.customer.CustomerCommand;
import com.planledger.domain.customer.DetachAddOnCommand;
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.RecordPaymentCommand;
import com.planledger.domain.customer.RecordUsageCommand;
import com.planledger.domain.customer.CancelSubscriptionCommand;
import com.planledger.domain.customer.ReactivateSubscriptionCommand;
import com.planledger.domain.customer.RemoveScheduledChangeCommand;
import com.planledger.domain.customer.RegisterCustomerCommand;
import com.planledger.domain.customer.RemoveCustomerUserCommand;
import com.planledger.domain.customer.UnblockCustomerCommand;
import com.planledger.domain.customer.UpdateCustomerProfileCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The customer commands of the API: account, plan, payments, blocks, users, add-ons, usage. */
@RestController
@RequestMapping("/v1/partners/{partnerId}/customers")
@Tag(name = "Customers (commands)")
public class CustomerCommandController {

    private final CommandDispatcher commands;
    private final Writes writes;

    public CustomerCommandController(CommandDispatcher commands, Writes writes) {
        this.commands = commands;
        this.writes = writes;
    }

    @PostMapping
    @Operation(summary = "Register a customer account (no users); optionally assign a plan and billing cycle")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the customer")
    public ResponseEntity<CustomerWriteResponse> register(@PathVariable String partnerId,
                                                          @Valid @RequestBody RegisterCustomerRequest body,
                                                          @RequestParam(required = false) String consistency) {
        Writes.checkConsistency(consistency);
        String customerId = body.customerId() == null ? UUID.randomUUID().toString() : body.customerId();
        CommandResult result = commands.send(new RegisterCustomerCommand(partnerId,
                Ids.require(customerId, "customerId"), CompanyName.of(body.companyName()),
                EmailAddress.of(body.email()), body.planId(), body.billingCycle()), AggregateKind.CUSTOMER);
        return writes.created(consistency, written(partnerId, result), path(partnerId, customerId),
                CustomerWriteResponse.of(result));
    }

    @PutMapping("/{customerId}")
    @Operation(summary = "Change company name and e-mail")
    public ResponseEntity<CustomerWriteResponse> update(@PathVariable String partnerId,
                                                        @PathVariable String customerId,
                                                        @Valid @RequestBody UpdateCustomerRequest body,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch,
                                                        @RequestParam(required = false) String consistency) {
        return ok(consistency, new UpdateCustomerProfileCommand(partnerId, customerId,
                CompanyName.of(body.companyName()), EmailAddress.of(body.email()), Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{customerId}/plan")
    @Operation(summary = "Assign or change the plan: an ACTIVE, non-archived plan of the partner offering the cycle;"
            + " a change takes effect NOW (prorated unless proration is NONE) or at the PERIOD_END")
    public ResponseEntity<CustomerWriteResponse> assign(@PathVariable String partnerId,
                                                        @PathVariable String customerId,
                                                        @Valid @RequestBody AssignPlanRequest body,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch,
                                                        @RequestParam(required = false) String consistency) {
        return ok(consistency, new AssignPlanCommand(partnerId, customerId, body.planId(), body.billingCycle(),
                body.effective(), body.proration(), Writes.ifMatch(ifMatch)));
    }

    @DeleteMapping("/{customerId}/scheduled-change")
    @Operation(summary = "Drop the change scheduled for the period end")
    public ResponseEntity<CustomerWriteResponse> removeScheduledChange(@PathVariable String partnerId,
                                                                       @PathVariable String customerId,
                                                                       @RequestHeader(value = "If-Match",
                                                                               required = false) String ifMatch,
                                                                       @RequestParam(required = false)
                                                                       String consistency) {
        return ok(consistency, new RemoveScheduledChangeCommand(partnerId, customerId, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{customerId}/cancel")
    @Operation(summary = "Cancel the subscription at the PERIOD_END (default) or NOW")
    public ResponseEntity<CustomerWriteResponse> cancel(@PathVariable String partnerId,
                                                        @PathVariable String customerId,
                                                        @Valid @RequestBody CancelRequest body,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch,
                                                        @RequestParam(required = false) String consistency) {
        return ok(consistency, new CancelSubscriptionCommand(partnerId, customerId, body.effective(),
                body.proration(), body.reason(), Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{customerId}/reactivate")
    @Operation(summary = "Remove a cancel scheduled for the period end")
    public ResponseEntity<CustomerWriteResponse> reactivate(@PathVariable String partnerId,
                                                            @PathVariable String customerId,
                                                            @RequestHeader(value = "If-Match", required = false)
                                                            String ifMatch,
                                                            @RequestParam(required = false) String consistency) {
        return ok(consistency, new ReactivateSubscriptionCommand(partnerId, customerId, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{customerId}/payments")
    @Operation(summary = "Record a payment of any amount; it settles open invoices oldest first, the rest is credit")
    public ResponseEntity<CustomerWriteResponse> pay(@PathVariable String partnerId, @PathVariable String customerId,
                                                     @Valid @RequestBody PaymentRequest body,
                                                     @RequestHeader(value = "If-Match", required = false)
                                                     String ifMatch,
                                                     @RequestParam(required = false) String consistency) {
        return ok(consistency, new RecordPaymentCommand(partnerId, customerId, body.amount(), body.currency(),
                body.reference(), Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{customerId}/block")
    @Operation(summary = "Block the customer manually (a note is required)")
    public ResponseEntity<CustomerWriteResponse> block(@PathVariable String partnerId,
                                                       @PathVariable String customerId,
                                                       @Valid @RequestBody BlockRequest body,
                                                       @RequestHeader(value = "If-Match", required = false)
                                                       String ifMatch,
                                                       @RequestParam(required = false) String consistency) {
        return ok(consistency, new BlockCustomerCommand(partnerId, customerId, body.note(), Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{customerId}/unblock")
    @Operation(summary = "Lift the manual block (a PAYMENT_OVERDUE block stays)")
    public ResponseEntity<CustomerWriteResponse> unblock(@PathVariable String partnerId,
                                                         @PathVariable String customerId,
                                                         @RequestHeader(value = "If-Match", required = false)
                                                         String ifMatch,
                                                         @RequestParam(required = false) String consistency) {
        return ok(consistency, new UnblockCustomerCommand(partnerId, customerId, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{customerId}/users")
    @Operation(summary = "Add a team member, within the plan revision's teamMembers limit plus add-ons")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the user")
    public ResponseEntity<CustomerWriteResponse> addUser(@PathVariable String partnerId,
                                                         @PathVariable String customerId,
                                                         @Valid @RequestBody AddUserRequest body,
                                                         @RequestHeader(value = "If-Match", required = false)
                                                         String ifMatch,
                                                         @RequestParam(required = false) String consistency) {
        Writes.checkConsistency(consistency);
        String userId = body.userId() == null ? UUID.randomUUID().toString() : body.userId();
        CommandResult result = commands.send(new AddCustomerUserCommand(partnerId, customerId,
                Ids.require(userId, "userId"), EmailAddress.of(body.email()), body.role(), Writes.ifMatch(ifMatch)),
                AggregateKind.CUSTOMER);
        return writes.created(consistency, written(partnerId, result),
                path(partnerId, customerId) + "/users/" + userId,
                new CustomerWriteResponse(customerId, userId, result.version()));
    }

    @PutMapping("/{customerId}/users/{userId}")
    @Operation(summary = "Change a team member's role")
    public ResponseEntity<CustomerWriteResponse> changeRole(@PathVariable String partnerId,
                                                            @PathVariable String customerId,
                                                            @PathVariable String userId,
                                                            @Valid @RequestBody ChangeRoleRequest body,
                                                            @RequestHeader(value = "If-Match", required = false)
                                                            String ifMatch,
                                                            @RequestParam(required = false) String consistency) {
        return ok(consistency, new ChangeCustomerUserRoleCommand(partnerId, customerId, userId, body.role(),
                Writes.ifMatch(ifMatch)));
    }

    @DeleteMapping("/{customerId}/users/{userId}")
    @Operation(summary = "Remove a team member")
    public ResponseEntity<CustomerWriteResponse> removeUser(@PathVariable String partnerId,
                                                            @PathVariable String customerId,
                                                            @PathVariable String userId,
                                                            @RequestHeader(value = "If-Match", required = false)
                                                            String ifMatch,
                                                            @RequestParam(required = false) String consistency) {
        return ok(consistency, new RemoveCustomerUserCommand(partnerId, customerId, userId, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{customerId}/add-ons")
    @Operation(summary = "Attach an add-on the customer's plan revision offers, or change its quantity")
    public ResponseEntity<CustomerWriteResponse> attach(@PathVariable String partnerId,
                                                        @PathVariable String customerId,
                                                        @Valid @RequestBody AttachAddOnRequest body,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch,
                                                        @RequestParam(required = false) String consistency) {
        return ok(consistency, new AttachAddOnCommand(partnerId, customerId, body.code(), body.quantity(),
                Writes.ifMatch(ifMatch)));
    }

    @DeleteMapping("/{customerId}/add-ons/{code}")
    @Operation(summary = "Detach an add-on")
    public ResponseEntity<CustomerWriteResponse> detach(@PathVariable String partnerId,
                                                        @PathVariable String customerId,
                                                        @PathVariable String code,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch,
                                                        @RequestParam(required = false) String consistency) {
        return ok(consistency, new DetachAddOnCommand(partnerId, customerId, code, Writes.ifMatch(ifMatch)));
    }

    @PostMapping("/{customerId}/usage")
    @Operation(summary = "Report usage of a metric; a repeated usageId records nothing")
    public ResponseEntity<CustomerWriteResponse> usage(@PathVariable String partnerId,
                                                       @PathVariable String customerId,
                                                       @Valid @RequestBody UsageRequest body,
                                                       @RequestHeader(value = "If-Match", required = false)
                                                       String ifMatch,
                                                       @RequestParam(required = false) String consistency) {
        return ok(consistency, new RecordUsageCommand(partnerId, customerId, body.metric(), body.quantity(),
                body.level(), body.usageId(), Writes.ifMatch(ifMatch)));
    }

    private ResponseEntity<CustomerWriteResponse> ok(String consistency, CustomerCommand command) {
        Writes.checkConsistency(consistency);
        CommandResult result = commands.send(command, AggregateKind.CUSTOMER);
        return writes.ok(consistency, written(command.partnerId(), result), CustomerWriteResponse.of(result));
    }

    private static Writes.Written written(String partnerId, CommandResult result) {
        return new Writes.Written(AggregateKind.CUSTOMER, Ids.customer(partnerId, result.id()), result.version());
    }

    static String path(String partnerId, String customerId) {
        return "/v1/partners/" + partnerId + "/customers/" + customerId;
    }
}
