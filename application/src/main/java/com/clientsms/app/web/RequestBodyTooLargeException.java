package com.clientsms.app.web;

import java.io.IOException;

/**
 * Thrown by the body-size limit while a body is read past the limit: an IOException so that any reader gives up as
 * on a broken stream; the advice answers 413.
 */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long maxBytes) {
        super(describe(maxBytes));
    }

    public static String describe(long maxBytes) {
        return "The request body is larger than the " + maxBytes / 1024 + " KB this API accepts.";
    }
}
