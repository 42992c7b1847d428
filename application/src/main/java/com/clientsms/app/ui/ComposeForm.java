package com.clientsms.app.ui;

/**
 * The compose form as posted. {@code action} is the button pressed: "send", or "search" / "preview", which only show
 * the page again (they make the page work without its script).
 */
record ComposeForm(
        String audience, String q, String clientId, String groupId, String body, String sendToken, String action) {

    static final String CLIENT = "client";
    static final String GROUP = "group";
    static final String ALL = "all";

    static ComposeForm empty() {
        return new ComposeForm(CLIENT, null, null, null, null, null, null);
    }

    String audienceOrClient() {
        return audience == null || audience.isBlank() ? CLIENT : audience;
    }

    boolean sends() {
        return action == null || action.isBlank() || action.equals("send");
    }
}
