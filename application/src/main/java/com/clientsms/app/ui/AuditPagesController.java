package com.clientsms.app.ui;

import com.clientsms.kernel.query.AuditPage;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.web.StaffReads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for compliance officers (and, as in the API, administrators and superusers): filters, paging, the
 * streamed exports and the hash chain's verification. The query side checks the role and masks numbers.
 */
@Controller
@WebPage
class AuditPagesController {

    static final int PAGE_SIZE = 20;

    private final StaffReads reads;

    AuditPagesController(StaffReads reads) {
        this.reads = reads;
    }

    @GetMapping("/audit")
    String audit(
            @AuthenticationPrincipal StaffRef me,
            AuditForm form,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean verify,
            Model model) {
        AuditPage entries = reads.audit(me, filters(form), page, PAGE_SIZE);
        model.addAttribute("form", form);
        model.addAttribute("entries", entries);
        model.addAttribute("paging", Paging.of(entries.page(), entries.size(), entries.total()));
        model.addAttribute("staff", reads.staff(me));
        if (verify) {
            model.addAttribute("verification", reads.verifyAudit(me));
        }
        return "audit";
    }

    @GetMapping("/audit/export")
    void export(
            @AuthenticationPrincipal StaffRef me,
            AuditForm form,
            @RequestParam(defaultValue = "csv") String format,
            HttpServletResponse response)
            throws IOException {
        reads.exportAudit(me, format, filters(form), response);
    }

    /** Dates are whole days in UTC: from the start of the first to the end of the last. */
    private static StaffReads.AuditFilters filters(AuditForm form) {
        return new StaffReads.AuditFilters(
                day(form.from(), "from", 0),
                day(form.to(), "to", 1),
                form.sender(),
                form.clientId(),
                form.audience(),
                form.status());
    }

    private static String day(String value, String name, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim())
                    .plusDays(plusDays)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .toString();
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid("'" + name + "' must be a date such as 2026-03-02.");
        }
    }

    /** The filters as the page's form sends them. */
    record AuditForm(String from, String to, String sender, String clientId, String audience, String status) {}
}
