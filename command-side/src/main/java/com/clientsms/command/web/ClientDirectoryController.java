package com.clientsms.command.web;

import com.clientsms.kernel.directory.ChangeClientMobile;
import com.clientsms.kernel.directory.DeactivateClient;
import com.clientsms.kernel.directory.LinkPractitioner;
import com.clientsms.kernel.directory.ReactivateClient;
import com.clientsms.kernel.directory.RecordClientOptIn;
import com.clientsms.kernel.directory.RegisterClient;
import com.clientsms.kernel.directory.UnlinkPractitioner;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.StaffRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Client directory maintenance. Who may do it (administrators and superusers) is the Client aggregate's rule. */
@RestController
@Tag(name = "Client directory", description = "Administrators and superusers maintain the practice's clients")
@RequestMapping("/api/clients")
class ClientDirectoryController {

    private final CommandGateway commands;

    ClientDirectoryController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Register a client (mobile optional, validated as an E.164 mobile)")
    @PostMapping
    ResponseEntity<Created> register(
            @AuthenticationPrincipal StaffRef caller, @RequestBody(required = false) NewClient request) {
        NewClient client = request == null ? new NewClient(null, null, null, null) : request;
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterClient(
                id,
                caller.practiceId(),
                client.name(),
                client.mobile(),
                client.active() == null || client.active(),
                client.practitionerIds() == null ? List.of() : client.practitionerIds(),
                caller));
        return ResponseEntity.created(URI.create("/api/clients/" + id)).body(new Created(id));
    }

    @Operation(summary = "Change a client's mobile number")
    @PutMapping("/{clientId}/mobile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeMobile(
            @AuthenticationPrincipal StaffRef caller,
            @PathVariable String clientId,
            @RequestBody(required = false) NewMobile request) {
        // An empty or careless request must never wipe a number: removing one is its own, explicit request.
        if (request == null || request.mobile() == null || request.mobile().isBlank()) {
            throw RuleViolation.invalid("Give the new number in 'mobile'. To remove the client's mobile number, send"
                    + " DELETE /api/clients/" + clientId + "/mobile.");
        }
        commands.sendAndWait(new ChangeClientMobile(clientId, request.mobile(), caller));
    }

    @Operation(summary = "Remove a client's mobile number: sends and broadcasts then skip the client")
    @DeleteMapping("/{clientId}/mobile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMobile(@AuthenticationPrincipal StaffRef caller, @PathVariable String clientId) {
        commands.sendAndWait(new ChangeClientMobile(clientId, null, caller));
    }

    @Operation(summary = "Deactivate a client: broadcasts skip them")
    @PostMapping("/{clientId}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@AuthenticationPrincipal StaffRef caller, @PathVariable String clientId) {
        commands.sendAndWait(new DeactivateClient(clientId, caller));
    }

    @Operation(summary = "Reactivate a client")
    @PostMapping("/{clientId}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reactivate(@AuthenticationPrincipal StaffRef caller, @PathVariable String clientId) {
        commands.sendAndWait(new ReactivateClient(clientId, caller));
    }

    @Operation(summary = "Link a practitioner to a client")
    @PostMapping("/{clientId}/practitioners")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void link(
            @AuthenticationPrincipal StaffRef caller,
            @PathVariable String clientId,
            @RequestBody(required = false) PractitionerLink request) {
        commands.sendAndWait(new LinkPractitioner(clientId, request == null ? null : request.practitionerId(), caller));
    }

    @Operation(summary = "Unlink a practitioner from a client")
    @DeleteMapping("/{clientId}/practitioners/{practitionerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(
            @AuthenticationPrincipal StaffRef caller,
            @PathVariable String clientId,
            @PathVariable String practitionerId) {
        commands.sendAndWait(new UnlinkPractitioner(clientId, practitionerId, caller));
    }

    @Operation(summary = "Record that a client who opted out at the carrier (STOP) opted in again")
    @PostMapping("/{clientId}/opt-in")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void optIn(@AuthenticationPrincipal StaffRef caller, @PathVariable String clientId) {
        commands.sendAndWait(new RecordClientOptIn(clientId, caller));
    }

    record NewClient(String name, String mobile, Boolean active, List<String> practitionerIds) {}

    record NewMobile(String mobile) {}

    record PractitionerLink(String practitionerId) {}
}
