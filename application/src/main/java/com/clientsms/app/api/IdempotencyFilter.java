package com.clientsms.app.api;

import com.clientsms.app.web.ProblemResponses;
import com.clientsms.app.web.RequestBodyTooLargeException;
import com.clientsms.kernel.staff.StaffRef;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotency-Key on the send endpoints. The same key with the same request (same member of staff, method, path and
 * body) answers the first request's status and body again without sending; the same key with another request is
 * refused (422); a duplicate that arrives while the first is still running is refused (409) rather than sent twice.
 * Answers that invite a retry (409, 429, 5xx) release the key.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Set<Integer> RETRYABLE = Set.of(409, 429);

    private final IdempotencyStore store;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotencyStore store, ProblemResponses problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !SendEndpoints.isSend(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffRef staff)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH
                            + " visible ASCII characters, such as a UUID.");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyTooLargeException e) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
            return;
        }
        String hash = hash(request, body);
        Optional<IdempotencyStore.Entry> existing = store.claim(staff.staffId(), key, hash);
        if (existing.isPresent()) {
            answerFromKey(request, response, existing.get(), hash);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new ReplayedBodyRequest(request, body), recorded);
            int status = recorded.getStatus();
            if (status < 500 && !RETRYABLE.contains(status)) {
                store.complete(
                        staff.staffId(), key, status, recorded.getContentType(), recorded.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                store.release(staff.staffId(), key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerFromKey(
            HttpServletRequest request, HttpServletResponse response, IdempotencyStore.Entry entry, String hash)
            throws IOException {
        if (!entry.requestHash().equals(hash)) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.");
            return;
        }
        if (entry.inFlight()) {
            problems.write(
                    request,
                    response,
                    HttpStatus.CONFLICT,
                    "A request with this Idempotency-Key is still being processed; wait for its answer.");
            return;
        }
        response.setStatus(entry.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (entry.contentType() != null) {
            response.setContentType(entry.contentType());
        }
        if (entry.body() != null) {
            response.setContentLength(entry.body().length);
            response.getOutputStream().write(entry.body());
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + SendEndpoints.pathOf(request) + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The body was read to hash it; the controller reads it again from memory. */
    private static final class ReplayedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(
                    new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
