package com.clientsms.app.ui;

import com.clientsms.command.broadcast.AudiencePreview;
import com.clientsms.kernel.query.ClientView;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastToAll;
import com.clientsms.kernel.sending.SendToClient;
import com.clientsms.kernel.sending.SendToGroup;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.web.StaffReads;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Compose and send: one client, a group or every active client, as the signed-in role allows. The commands are the
 * ones the API sends, so the aggregates decide exactly as they do for the API; the page only mirrors the rules.
 */
@Controller
@WebPage
class ComposeController {

    private final CommandGateway commands;
    private final StaffReads reads;
    private final AudiencePreview audiences;

    ComposeController(CommandGateway commands, StaffReads reads, AudiencePreview audiences) {
        this.commands = commands;
        this.reads = reads;
        this.audiences = audiences;
    }

    @GetMapping("/compose")
    String compose(
            @AuthenticationPrincipal StaffRef me,
            @ModelAttribute("form") ComposeForm form,
            HttpSession session,
            Model model) {
        show(me, form, SendTokens.issue(session), model);
        return "compose";
    }

    @PostMapping("/compose")
    String send(
            @AuthenticationPrincipal StaffRef me,
            @ModelAttribute("form") ComposeForm form,
            HttpSession session,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        if (!form.sends()) {
            show(me, form, form.sendToken(), model);
            return "compose";
        }
        SendTokens.Claim claim = SendTokens.claim(session, form.sendToken());
        if (claim instanceof SendTokens.AlreadySent already) {
            redirect.addFlashAttribute(
                    "sent", new Sent("This message was already sent.", already.resultLink(), "See the result"));
            return "redirect:/compose";
        }
        if (claim instanceof SendTokens.Unusable) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute(
                    "error",
                    "This form was already sent or has expired, so it was not sent again. Check the history before"
                            + " sending it once more.");
            show(me, form, SendTokens.issue(session), model);
            return "compose";
        }
        try {
            Sent sent = dispatch(me, form);
            SendTokens.sent(session, form.sendToken(), sent.link());
            redirect.addFlashAttribute("sent", sent);
            return "redirect:/compose";
        } catch (RuntimeException e) {
            SendTokens.giveBack(session, form.sendToken());
            Refusal refusal = Refusal.of(e).orElseThrow(() -> e);
            response.setStatus(refusal.status().value());
            model.addAttribute("error", refusal.message());
            show(me, form, form.sendToken(), model);
            return "compose";
        }
    }

    private Sent dispatch(StaffRef me, ComposeForm form) {
        String body = form.body();
        return switch (form.audienceOrClient()) {
            case ComposeForm.CLIENT -> {
                if (blank(form.clientId())) {
                    throw RuleViolation.invalid("Choose the client to text.");
                }
                String messageId = UUID.randomUUID().toString();
                commands.sendAndWait(new SendToClient(form.clientId(), messageId, me, body));
                String name = reads.client(me, form.clientId()).name();
                yield new Sent(
                        "Message to " + name + " accepted: it goes out now.",
                        UriComponentsBuilder.fromPath("/clients/{id}")
                                .fragment("message-" + messageId)
                                .buildAndExpand(form.clientId())
                                .toUriString(),
                        "See it in " + name + "'s history");
            }
            case ComposeForm.GROUP -> {
                if (blank(form.groupId())) {
                    throw RuleViolation.invalid("Choose the group to text.");
                }
                yield broadcastSent(
                        commands.sendAndWait(new SendToGroup(UUID.randomUUID().toString(), form.groupId(), me, body)));
            }
            case ComposeForm.ALL ->
                broadcastSent(commands.sendAndWait(
                        new BroadcastToAll(UUID.randomUUID().toString(), me, body)));
            default -> throw RuleViolation.invalid("Send to one client, a group or all clients.");
        };
    }

    private static Sent broadcastSent(BroadcastAccepted accepted) {
        return new Sent(
                "Broadcast accepted: " + accepted.targeted() + " texted, "
                        + accepted.skipped().size() + " skipped.",
                UriComponentsBuilder.fromPath("/broadcasts/{id}")
                        .buildAndExpand(accepted.broadcastId())
                        .toUriString(),
                "Follow the broadcast");
    }

    /** Fills the page: what this role may choose, the clients matching the search, the audience preview. */
    private void show(StaffRef me, ComposeForm form, String sendToken, Model model) {
        model.addAttribute("sendToken", sendToken);
        model.addAttribute("counter", Counter.of(form.body()));
        if (!me.role().maySend()) {
            return;
        }
        boolean broadcaster = me.role().mayBroadcast();
        String audience = broadcaster ? form.audienceOrClient() : ComposeForm.CLIENT;
        model.addAttribute("audience", audience);
        List<ClientView> visible = reads.clients(me);
        List<ClientChoice> choices = new ArrayList<>(ClientChoice.matching(visible, form.q()));
        if (!blank(form.clientId()) && choices.stream().noneMatch(c -> c.id().equals(form.clientId()))) {
            visible.stream()
                    .filter(c -> c.id().equals(form.clientId()))
                    .findFirst()
                    .ifPresent(c -> choices.add(0, ClientChoice.of(c)));
        }
        model.addAttribute("clients", choices);
        model.addAttribute("groups", broadcaster ? reads.groups(me) : List.of());
        try {
            if (broadcaster && audience.equals(ComposeForm.ALL)) {
                model.addAttribute("preview", AudienceSummary.of(audiences.ofAll(me)));
            } else if (broadcaster && audience.equals(ComposeForm.GROUP) && !blank(form.groupId())) {
                model.addAttribute("preview", AudienceSummary.of(audiences.ofGroup(me, form.groupId())));
            }
        } catch (RuleViolation refused) {
            model.addAttribute("previewProblem", refused.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** What the sender is told after a send, with a link to where its result shows. */
    record Sent(String sentence, String link, String linkText) {}
}
