package com.clientsms.app.security;

import com.clientsms.app.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers 401 and 403 from the security filters, and the firewall's refusal of a malformed URL, as problem details,
 * like every other error of the API.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof OAuth2AuthenticationException bearer) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            String reason = bearer.getError().getDescription();
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The bearer token was refused" + (reason == null ? "." : ": " + reason));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"client-sms\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign in with your staff username and password.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        problems.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "The address is malformed (encoded slashes, dot segments, semicolons or control characters are not"
                        + " accepted).");
    }
}
