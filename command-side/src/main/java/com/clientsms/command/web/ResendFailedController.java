package com.clientsms.command.web;

import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.ResendFailed;
import com.clientsms.kernel.staff.StaffRef;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sends a broadcast again to the clients it failed to reach, as a new broadcast; 202 like any broadcast. */
@RestController
class ResendFailedController {

    private final CommandGateway commands;

    ResendFailedController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/broadcasts/{broadcastId}/resend-failed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SendController.BroadcastResponse resendFailed(
            @AuthenticationPrincipal StaffRef caller, @PathVariable String broadcastId) {
        BroadcastAccepted accepted =
                commands.sendAndWait(new ResendFailed(UUID.randomUUID().toString(), broadcastId, caller));
        return SendController.BroadcastResponse.of(accepted);
    }
}
