package com.clientsms.kernel.sending;

/** Whom a message was addressed to when it was requested. */
public enum Audience {
    CLIENT,
    GROUP,
    ALL
}
