package com.clientsms.app.ui;

import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page needs: who is signed in and what their role lets them open (the navigation mirrors the rules; the
 * server enforces them), and an error page with the domain's own sentence when a page request is refused. Ordered
 * before the problem-details advice, which keeps answering the JSON endpoints.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {

    @ModelAttribute
    void signedIn(@AuthenticationPrincipal StaffRef me, Model model) {
        if (me == null) {
            return;
        }
        model.addAttribute("me", me);
        model.addAttribute("maySend", me.role().maySend());
        model.addAttribute("mayBroadcast", me.role().mayBroadcast());
        model.addAttribute("mayAudit", me.role().mayAudit());
        model.addAttribute("mayReadBroadcasts", me.role() != Role.PRACTITIONER);
        model.addAttribute("roleName", roleName(me.role()));
    }

    @ExceptionHandler({RuleViolation.class, CommandExecutionException.class, AggregateNotFoundException.class})
    String refused(Exception e, HttpServletResponse response, Model model) throws Exception {
        Refusal refusal = Refusal.of(e).orElseThrow(() -> e);
        // Exception handlers get a model of their own: the navigation is added again.
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof StaffRef me) {
            signedIn(me, model);
        }
        response.setStatus(refusal.status().value());
        model.addAttribute("status", refusal.status().value());
        model.addAttribute("title", refusal.status().getReasonPhrase());
        model.addAttribute("message", refusal.message());
        return "refused";
    }

    static String roleName(Role role) {
        return switch (role) {
            case PRACTITIONER -> "Practitioner";
            case ADMIN -> "Administrator";
            case SUPERUSER -> "Superuser";
            case COMPLIANCE_OFFICER -> "Compliance officer";
        };
    }
}
