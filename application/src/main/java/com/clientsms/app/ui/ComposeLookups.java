package com.clientsms.app.ui;

import com.clientsms.command.broadcast.AudiencePreview;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.web.StaffReads;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the compose page's script asks while the sender types: clients by name, and who a group or broadcast would
 * text and skip. Session-authenticated like the page; refusals are problem details.
 */
@RestController
class ComposeLookups {

    private final StaffReads reads;
    private final AudiencePreview audiences;

    ComposeLookups(StaffReads reads, AudiencePreview audiences) {
        this.reads = reads;
        this.audiences = audiences;
    }

    @GetMapping("/compose/clients")
    List<ClientChoice> clients(@AuthenticationPrincipal StaffRef me, @RequestParam(required = false) String q) {
        return ClientChoice.matching(reads.clients(me), q);
    }

    @GetMapping("/compose/audience")
    AudienceSummary audience(
            @AuthenticationPrincipal StaffRef me,
            @RequestParam String audience,
            @RequestParam(required = false) String groupId) {
        return switch (audience) {
            case ComposeForm.ALL -> AudienceSummary.of(audiences.ofAll(me));
            case ComposeForm.GROUP -> AudienceSummary.of(audiences.ofGroup(me, groupId));
            default -> throw RuleViolation.invalid("The audience to preview must be group or all.");
        };
    }
}
