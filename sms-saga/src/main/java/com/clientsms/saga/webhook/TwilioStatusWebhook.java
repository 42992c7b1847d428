package com.clientsms.saga.webhook;

import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.DeliveryReports;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Twilio's message status callbacks (form-encoded POSTs, also sent by the simulator). A callback counts only
 * when its {@code X-Twilio-Signature} matches the public URL and the POST parameters; anything else gets 403 and a
 * line in the {@code security} log, and changes nothing. A valid callback becomes a {@link DeliveryReport}; repeated,
 * late or unknown statuses are sorted out downstream, so Twilio always gets 204 for a signed callback.
 */
@RestController
class TwilioStatusWebhook {

    static final String PATH = "/webhooks/twilio/status";
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    /** Our message id, put into the StatusCallback URL when the message was sent. */
    static final String MESSAGE_ID_PARAMETER = "messageId";

    private static final Logger security = LoggerFactory.getLogger("security");
    private static final Logger log = LoggerFactory.getLogger(TwilioStatusWebhook.class);

    private final CallbackSignatures signatures;
    private final PublicBaseUrl publicBaseUrl;
    private final DeliveryReports reports;
    private final Clock clock;

    @Autowired
    TwilioStatusWebhook(CallbackSignatures signatures, PublicBaseUrl publicBaseUrl, DeliveryReports reports) {
        this(signatures, publicBaseUrl, reports, Clock.systemUTC());
    }

    TwilioStatusWebhook(
            CallbackSignatures signatures, PublicBaseUrl publicBaseUrl, DeliveryReports reports, Clock clock) {
        this.signatures = signatures;
        this.publicBaseUrl = publicBaseUrl;
        this.reports = reports;
        this.clock = clock;
    }

    @PostMapping(PATH)
    ResponseEntity<?> statusCallback(HttpServletRequest request) {
        String signature = request.getHeader(SIGNATURE_HEADER);
        // PUBLIC_BASE_URL is the application's root as Twilio sees it, so the path is taken without the context path.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String url = publicBaseUrl.current().orElse("")
                + path
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Map<String, String> form = formParameters(request);
        if (signature == null || signature.isBlank()) {
            return forbidden(request, "no " + SIGNATURE_HEADER + " header");
        }
        if (!signatures.isValid(url, form, signature)) {
            return forbidden(request, "a wrong " + SIGNATURE_HEADER);
        }
        String messageId = request.getParameter(MESSAGE_ID_PARAMETER);
        String status = first(form.get("MessageStatus"), form.get("SmsStatus"));
        String errorCode = form.get("ErrorCode");
        String providerMessageId = first(form.get("MessageSid"), form.get("SmsSid"));
        if (messageId == null || messageId.isBlank()) {
            log.warn("Signed status callback for {} names no message of ours; ignored", oneLine(providerMessageId));
            return ResponseEntity.noContent().build();
        }
        log.debug("Status callback for message {}: {} (error {})", messageId, oneLine(status), oneLine(errorCode));
        reports.report(
                new DeliveryReport(providerMessageId, messageId, status, blankToNull(errorCode), Instant.now(clock)));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> forbidden(HttpServletRequest request, String what) {
        // Neither parameters nor body go to the log: they hold phone numbers.
        security.warn(
                "Rejected a Twilio status callback with {} from {} to {}",
                what,
                request.getRemoteAddr(),
                oneLine(request.getRequestURI()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "The request does not carry a valid Twilio signature.");
        // Explicitly JSON: the Twilio SDK brings Jackson's XML module, which Spring would otherwise prefer.
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The POST body's parameters only. The servlet API merges the query string (our messageId) into the parameters,
     * but Twilio signs the URL with its query string plus the body parameters, so the query's values are taken out.
     */
    static Map<String, String> formParameters(HttpServletRequest request) {
        Map<String, List<String>> query = parseQuery(request.getQueryString());
        Map<String, String> form = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            List<String> remaining = new ArrayList<>(List.of(values));
            query.getOrDefault(name, List.of()).forEach(remaining::remove);
            if (!remaining.isEmpty()) {
                form.put(name, remaining.get(0));
            }
        });
        return form;
    }

    private static Map<String, List<String>> parseQuery(String queryString) {
        Map<String, List<String>> query = new HashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return query;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Input from the network goes to the log shortened and on one line. */
    private static String oneLine(String value) {
        if (value == null) {
            return "null";
        }
        String oneLine = value.replaceAll("[\\r\\n\\t]", "_");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine;
    }
}
