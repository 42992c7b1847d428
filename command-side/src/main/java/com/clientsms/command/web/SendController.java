package com.clientsms.command.web;

import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastToAll;
import com.clientsms.kernel.sending.SendToClient;
import com.clientsms.kernel.sending.SendToGroup;
import com.clientsms.kernel.staff.StaffRef;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sending: one client, every client, or a group. The aggregates decide; 202 because the SMS itself goes out later. */
@RestController
class SendController {

    private final CommandGateway commands;

    SendController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/clients/{clientId}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MessageAccepted sendToClient(
            @AuthenticationPrincipal StaffRef caller,
            @PathVariable String clientId,
            @RequestBody(required = false) MessageRequest request) {
        String messageId = UUID.randomUUID().toString();
        commands.sendAndWait(new SendToClient(clientId, messageId, caller, MessageRequest.bodyOf(request)));
        return new MessageAccepted(messageId);
    }

    @PostMapping("/api/broadcasts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BroadcastResponse broadcast(
            @AuthenticationPrincipal StaffRef caller, @RequestBody(required = false) MessageRequest request) {
        BroadcastAccepted accepted = commands.sendAndWait(
                new BroadcastToAll(UUID.randomUUID().toString(), caller, MessageRequest.bodyOf(request)));
        return BroadcastResponse.of(accepted);
    }

    @PostMapping("/api/groups/{groupId}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BroadcastResponse sendToGroup(
            @AuthenticationPrincipal StaffRef caller,
            @PathVariable String groupId,
            @RequestBody(required = false) MessageRequest request) {
        BroadcastAccepted accepted = commands.sendAndWait(
                new SendToGroup(UUID.randomUUID().toString(), groupId, caller, MessageRequest.bodyOf(request)));
        return BroadcastResponse.of(accepted);
    }

    record MessageRequest(String body) {
        /** A missing body reaches MessageBody as null, which refuses it with a sentence rather than a 500. */
        static String bodyOf(MessageRequest request) {
            return request == null ? null : request.body();
        }
    }

    record MessageAccepted(String messageId) {}

    record BroadcastResponse(String broadcastId, int targeted, List<Skipped> skipped) {
        static BroadcastResponse of(BroadcastAccepted accepted) {
            return new BroadcastResponse(
                    accepted.broadcastId(),
                    accepted.targeted(),
                    accepted.skipped().stream()
                            .map(s -> new Skipped(
                                    s.clientId(), s.clientName(), s.reason().label()))
                            .toList());
        }
    }

    record Skipped(String clientId, String clientName, String reason) {}
}
