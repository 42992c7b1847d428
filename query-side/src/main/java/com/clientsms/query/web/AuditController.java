package com.clientsms.query.web;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.query.AuditEntry;
import com.clientsms.kernel.query.AuditPage;
import com.clientsms.kernel.query.FindAuditEntries;
import com.clientsms.kernel.query.TimelineEntry;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.audit.AuditLogProjection;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compliance audit log of the caller's practice: a page at a time, or the whole selection streamed as CSV or JSON
 * straight from the database cursor. Compliance officers, administrators and superusers only; recipient numbers in
 * clear for compliance officers and superusers.
 */
@RestController
class AuditController {

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);

    static final List<String> CSV_COLUMNS = List.of(
            "messageId",
            "requestedAt",
            "senderUsername",
            "senderName",
            "senderRole",
            "audience",
            "broadcastId",
            "groupId",
            "clientId",
            "clientName",
            "to",
            "body",
            "characters",
            "encoding",
            "segments",
            "status",
            "errorCode",
            "reason",
            "timeline");

    private final QueryGateway queries;
    private final AuditLogProjection auditLog;
    private final ObjectMapper json;

    AuditController(QueryGateway queries, AuditLogProjection auditLog, ObjectMapper json) {
        this.queries = queries;
        this.auditLog = auditLog;
        this.json = json;
    }

    @GetMapping("/api/audit")
    AuditPage entries(
            @AuthenticationPrincipal StaffRef caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String sender,
            @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String audience,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        FindAuditEntries query = selection(caller, from, to, sender, clientId, audience, status, page, size);
        return Queries.await(queries.query(query, ResponseTypes.instanceOf(AuditPage.class)));
    }

    @GetMapping("/api/audit/export")
    void export(
            @AuthenticationPrincipal StaffRef caller,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String sender,
            @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String audience,
            @RequestParam(required = false) String status,
            HttpServletResponse response)
            throws IOException {
        FindAuditEntries query = selection(caller, from, to, sender, clientId, audience, status, 0, 1);
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("json")) {
            throw RuleViolation.invalid("The export format must be csv or json.");
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(kind.equals("csv") ? "text/csv;charset=UTF-8" : "application/json");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit-" + caller.practiceId().replaceAll("[^A-Za-z0-9_-]", "") + "." + kind
                        + "\"");
        long rows = kind.equals("csv") ? writeCsv(query, response) : writeJson(query, response);
        log.info("Audit export of {} entries as {} by {}", rows, kind, caller.staffId());
    }

    private long writeCsv(FindAuditEntries query, HttpServletResponse response) throws IOException {
        Writer out =
                new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 16_384);
        out.write(CsvCells.row(CSV_COLUMNS));
        long rows = auditLog.export(query, entry -> {
            try {
                out.write(CsvCells.row(csvCells(entry)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
        return rows;
    }

    private long writeJson(FindAuditEntries query, HttpServletResponse response) throws IOException {
        // Jackson would flush the servlet stream after every entry; one buffer flushed when full is enough.
        ObjectWriter writer = json.writerFor(AuditEntry.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        JsonGenerator out =
                json.getFactory().createGenerator(new BufferedOutputStream(response.getOutputStream(), 16_384));
        out.writeStartArray();
        long rows = auditLog.export(query, entry -> {
            try {
                writer.writeValue(out, entry);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.writeEndArray();
        out.flush();
        return rows;
    }

    static List<String> csvCells(AuditEntry entry) {
        return Arrays.asList(
                entry.messageId(),
                text(entry.requestedAt()),
                entry.senderUsername(),
                entry.senderName(),
                entry.senderRole() == null ? null : entry.senderRole().name(),
                entry.audience(),
                entry.broadcastId(),
                entry.groupId(),
                entry.clientId(),
                entry.clientName(),
                entry.to(),
                entry.body(),
                String.valueOf(entry.characters()),
                entry.encoding(),
                String.valueOf(entry.segments()),
                entry.status(),
                entry.errorCode(),
                entry.reason(),
                entry.timeline().stream().map(AuditController::step).collect(Collectors.joining("; ")));
    }

    private static String step(TimelineEntry step) {
        StringBuilder text = new StringBuilder(step.status()).append('@').append(text(step.at()));
        if (step.code() != null) {
            text.append(" code ").append(step.code());
        }
        if (step.reason() != null) {
            text.append(" (").append(step.reason()).append(')');
        }
        return text.toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Checks the caller's role and the filters, and builds the query for the caller's own practice. */
    static FindAuditEntries selection(
            StaffRef caller,
            String from,
            String to,
            String sender,
            String clientId,
            String audience,
            String status,
            int page,
            int size) {
        if (!caller.role().mayAudit()) {
            throw RuleViolation.forbidden(
                    "Only compliance officers, administrators and superusers can read the audit log.");
        }
        boolean reveal = caller.role() == Role.COMPLIANCE_OFFICER || caller.role() == Role.SUPERUSER;
        return new FindAuditEntries(
                caller.practiceId(),
                instant("from", from),
                instant("to", to),
                blankToNull(sender),
                blankToNull(clientId),
                audience(audience),
                status(status),
                reveal,
                page,
                size);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid("'" + name + "' must be an ISO-8601 instant such as 2026-03-02T09:00:00Z.");
        }
    }

    private static String audience(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (Arrays.stream(Audience.values())
                .noneMatch(a -> a.name().toLowerCase(Locale.ROOT).equals(lower))) {
            throw RuleViolation.invalid("The audience must be client, group or all.");
        }
        return lower;
    }

    private static String status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (Arrays.stream(DeliveryStatus.values()).noneMatch(s -> s.wireName().equals(lower))) {
            throw RuleViolation.invalid(
                    "The status must be one of requested, accepted, sent, delivered, undelivered or failed.");
        }
        return lower;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
