package com.clientsms.app.ops.failfast;

import java.util.Locale;

/** Store addresses and property values as they may be printed: without passwords or tokens. */
final class Redacted {

    private Redacted() {}

    /** The URI with any user-info (user:password@) removed; "(not set)" for none. */
    static String uri(String uri) {
        if (uri == null || uri.isBlank()) {
            return "(not set)";
        }
        return uri.replaceAll("//[^/@]*@", "//").replaceAll("(?i)(password|pwd)=[^&;]*", "$1=****");
    }

    static boolean isSecret(String propertyName) {
        String name = propertyName.toLowerCase(Locale.ROOT);
        return name.contains("password") || name.contains("token") || name.contains("secret") || name.contains("key");
    }
}
