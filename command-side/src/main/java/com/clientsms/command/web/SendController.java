package com.clientsms.command.web;

import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastToAll;
import com.clientsms.kernel.sending.SendToClient;
import com.clientsms.kernel.sending.SendToGroup;
import com.clientsms.kernel.staff.StaffRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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
@Tag(name = "Sending", description = "Text one client, every active client of the practice, or a group")
class SendController {

    /** What every send endpoint shares in the API description: the Idempotency-Key and the refusals it brings. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            name = "Idempotency-Key",
            in = ParameterIn.HEADER,
            description = "Optional. The same key with the same request answers the first result again without"
                    + " sending; keys are kept 24 h and belong to the member of staff who used them.",
            example = "5f0c7c2e-5b1a-4c53-9f0e-7d7f2b1f6a10")
    @ApiResponse(
            responseCode = "409",
            description = "A request with the same Idempotency-Key is still being processed.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(
                                            value =
                                                    "{\"status\":409,\"detail\":\"A request with this"
                                                            + " Idempotency-Key is still being processed; wait for its answer.\"}")))
    @ApiResponse(
            responseCode = "422",
            description = "The Idempotency-Key was already used for a different request.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(
                                            value =
                                                    "{\"status\":422,\"detail\":\"This Idempotency-Key was"
                                                            + " already used for a different request; use a new key for a new request.\"}")))
    @ApiResponse(
            responseCode = "429",
            description = "Too many send requests a minute from this member of staff; see Retry-After.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(
                                            value = "{\"status\":429,\"detail\":\"You may make at most 30"
                                                    + " send requests a minute; try again in 2 seconds.\"}")))
    @interface SendResponses {}

    private static final String BROADCAST_EXAMPLE = "{\"broadcastId\":\"7d0c...\",\"targeted\":41,\"skipped\":"
            + "[{\"clientId\":\"harbour-client-07\",\"clientName\":\"Oliver Kelly\",\"reason\":\"inactive\"}]}";

    private final CommandGateway commands;

    SendController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/clients/{clientId}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Text one client",
            description = "A practitioner may text only clients linked to them; administrators and superusers any"
                    + " client of their practice; compliance officers never. 1 to 640 characters (an emoji is one).")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the SMS goes out next; follow it in the client's history.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples =
                                    @ExampleObject(value = "{\"messageId\":\"0b6f1f5e-2c4d-4a8e-9d59-3c1d2e4f5a6b\"}")))
    @SendResponses
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
    @Operation(
            summary = "Text every active client of the practice",
            description = "Administrators and superusers only. Clients who cannot be texted (inactive, no mobile,"
                    + " opted out) are skipped and listed with the reason.")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: who is targeted and who was skipped, with the reason.",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = BROADCAST_EXAMPLE)))
    @SendResponses
    BroadcastResponse broadcast(
            @AuthenticationPrincipal StaffRef caller, @RequestBody(required = false) MessageRequest request) {
        BroadcastAccepted accepted = commands.sendAndWait(
                new BroadcastToAll(UUID.randomUUID().toString(), caller, MessageRequest.bodyOf(request)));
        return BroadcastResponse.of(accepted);
    }

    @PostMapping("/api/groups/{groupId}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Text the members of a group",
            description = "Administrators and superusers only; members who cannot be texted are skipped with the"
                    + " reason.")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: who is targeted and who was skipped, with the reason.",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = BROADCAST_EXAMPLE)))
    @SendResponses
    BroadcastResponse sendToGroup(
            @AuthenticationPrincipal StaffRef caller,
            @PathVariable String groupId,
            @RequestBody(required = false) MessageRequest request) {
        BroadcastAccepted accepted = commands.sendAndWait(
                new SendToGroup(UUID.randomUUID().toString(), groupId, caller, MessageRequest.bodyOf(request)));
        return BroadcastResponse.of(accepted);
    }

    @Schema(description = "The text of the SMS", example = "{\"body\": \"Please call the practice on 02 9000 0000.\"}")
    record MessageRequest(
            @Schema(
                            description = "1 to 640 characters, not blank",
                            example = "Please call the practice on 02 9000 0000.")
                    String body) {
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
