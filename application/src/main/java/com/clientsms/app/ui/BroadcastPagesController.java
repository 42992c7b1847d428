package com.clientsms.app.ui;

import com.clientsms.kernel.query.BroadcastOutcome;
import com.clientsms.kernel.query.BroadcastPage;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.ResendFailed;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.web.StaffReads;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The practice's broadcasts and how each one went, updated live by the page's script while it drains; administrators
 * and superusers can resend the failures.
 */
@Controller
@WebPage
class BroadcastPagesController {

    static final int PAGE_SIZE = 20;

    private final StaffReads reads;
    private final CommandGateway commands;

    BroadcastPagesController(StaffReads reads, CommandGateway commands) {
        this.reads = reads;
        this.commands = commands;
    }

    @GetMapping("/broadcasts")
    String broadcasts(@AuthenticationPrincipal StaffRef me, @RequestParam(defaultValue = "0") int page, Model model) {
        BroadcastPage broadcasts = reads.broadcasts(me, page, PAGE_SIZE);
        model.addAttribute("broadcasts", broadcasts);
        model.addAttribute("paging", Paging.of(broadcasts.page(), broadcasts.size(), broadcasts.total()));
        return "broadcasts";
    }

    @GetMapping("/broadcasts/{broadcastId}")
    String outcome(
            @AuthenticationPrincipal StaffRef me,
            @PathVariable String broadcastId,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("broadcastId", broadcastId);
        try {
            BroadcastOutcome outcome = reads.broadcast(me, broadcastId);
            model.addAttribute("outcome", OutcomeView.of(outcome));
            model.addAttribute("sendToken", SendTokens.issue(session));
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e).orElseThrow(() -> e);
            if (refusal.status() != HttpStatus.NOT_FOUND) {
                throw e;
            }
            // A broadcast sent a moment ago may not be in the read model yet: the page waits for it.
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        return "outcome";
    }

    @PostMapping("/broadcasts/{broadcastId}/resend-failed")
    String resendFailed(
            @AuthenticationPrincipal StaffRef me,
            @PathVariable String broadcastId,
            @RequestParam(required = false) String sendToken,
            HttpSession session,
            RedirectAttributes redirect) {
        SendTokens.Claim claim = SendTokens.claim(session, sendToken);
        if (claim instanceof SendTokens.AlreadySent already) {
            redirect.addFlashAttribute("notice", "The failures were already resent.");
            return "redirect:" + already.resultLink();
        }
        if (claim instanceof SendTokens.Unusable) {
            redirect.addFlashAttribute(
                    "notice", "That resend form was already used or has expired; nothing was sent again.");
            return "redirect:/broadcasts/" + broadcastId;
        }
        try {
            BroadcastAccepted accepted =
                    commands.sendAndWait(new ResendFailed(UUID.randomUUID().toString(), broadcastId, me));
            String link = "/broadcasts/" + accepted.broadcastId();
            SendTokens.sent(session, sendToken, link);
            redirect.addFlashAttribute(
                    "notice",
                    "Resent to the failures: " + accepted.targeted() + " texted, "
                            + accepted.skipped().size() + " skipped.");
            return "redirect:" + link;
        } catch (RuntimeException e) {
            SendTokens.giveBack(session, sendToken);
            throw e;
        }
    }
}
