package com.clientsms.app.ui;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.util.WebUtils;

/**
 * One token per rendered send form, kept in the session. A form is sent at most once: a double click, a second tab
 * or the browser's "resend form data" finds its token used and is shown the first send's result instead of sending
 * again. A refused send gives its token back so the corrected form can go. A post without a token (not from our
 * form) is sent like an API request without an Idempotency-Key.
 */
final class SendTokens {

    private static final String ATTRIBUTE = SendTokens.class.getName();
    private static final int KEPT = 50;
    private static final String ISSUED = "";
    private static final String IN_FLIGHT = "\u0000";

    sealed interface Claim {}

    /** The token is yours: send. */
    record Fresh() implements Claim {}

    /** This form was already sent; here is where its result is. */
    record AlreadySent(String resultLink) implements Claim {}

    /** Unknown (another session, expired) or still being sent by another request. */
    record Unusable() implements Claim {}

    private SendTokens() {}

    static String issue(HttpSession session) {
        String token = UUID.randomUUID().toString();
        synchronized (WebUtils.getSessionMutex(session)) {
            Tokens tokens = tokens(session);
            tokens.put(token, ISSUED);
            session.setAttribute(ATTRIBUTE, tokens);
        }
        return token;
    }

    static Claim claim(HttpSession session, String token) {
        if (token == null || token.isEmpty()) {
            // Like an API request without an Idempotency-Key: nothing to recognise a repeat by.
            return new Fresh();
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            Tokens tokens = tokens(session);
            String state = tokens.get(token);
            if (ISSUED.equals(state)) {
                tokens.put(token, IN_FLIGHT);
                session.setAttribute(ATTRIBUTE, tokens);
                return new Fresh();
            }
            return state == null || IN_FLIGHT.equals(state) ? new Unusable() : new AlreadySent(state);
        }
    }

    static void sent(HttpSession session, String token, String resultLink) {
        set(session, token, resultLink);
    }

    static void giveBack(HttpSession session, String token) {
        set(session, token, ISSUED);
    }

    private static void set(HttpSession session, String token, String state) {
        if (token == null || token.isEmpty()) {
            return;
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            Tokens tokens = tokens(session);
            tokens.put(token, state);
            session.setAttribute(ATTRIBUTE, tokens);
        }
    }

    private static Tokens tokens(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Tokens tokens ? tokens : new Tokens();
    }

    /** The most recent tokens of the session, oldest dropped first. */
    private static final class Tokens extends LinkedHashMap<String, String> implements Serializable {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    }
}
