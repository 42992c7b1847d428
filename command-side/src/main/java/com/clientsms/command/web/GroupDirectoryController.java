package com.clientsms.command.web;

import com.clientsms.kernel.directory.AddGroupMember;
import com.clientsms.kernel.directory.CreateGroup;
import com.clientsms.kernel.directory.RemoveGroupMember;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Group maintenance. Who may do it, and which clients may be members, is the ClientGroup aggregate's rule. */
@RestController
@Tag(name = "Groups", description = "Administrators and superusers maintain groups of clients")
@RequestMapping("/api/groups")
class GroupDirectoryController {

    private final CommandGateway commands;

    GroupDirectoryController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create a group of clients of the practice")
    @PostMapping
    ResponseEntity<Created> create(
            @AuthenticationPrincipal StaffRef caller, @RequestBody(required = false) NewGroup request) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateGroup(
                id,
                caller.practiceId(),
                request == null ? null : request.name(),
                request == null || request.memberIds() == null ? List.of() : request.memberIds(),
                caller));
        return ResponseEntity.created(URI.create("/api/groups/" + id)).body(new Created(id));
    }

    @Operation(summary = "Add a client to a group")
    @PostMapping("/{groupId}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addMember(
            @AuthenticationPrincipal StaffRef caller,
            @PathVariable String groupId,
            @RequestBody(required = false) NewMember request) {
        commands.sendAndWait(new AddGroupMember(groupId, request == null ? null : request.clientId(), caller));
    }

    @Operation(summary = "Remove a client from a group")
    @DeleteMapping("/{groupId}/members/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(
            @AuthenticationPrincipal StaffRef caller, @PathVariable String groupId, @PathVariable String clientId) {
        commands.sendAndWait(new RemoveGroupMember(groupId, clientId, caller));
    }

    record NewGroup(String name, List<String> memberIds) {}

    record NewMember(String clientId) {}
}
