package com.clientsms.kernel.body;

/** The GSM 03.38 default alphabet and its extension table, as carriers count them. */
final class Gsm7Alphabet {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Characters sent as an escape plus one more septet, so they cost two. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7Alphabet() {}

    /** Septets this code point costs in GSM-7, or 0 when GSM-7 cannot carry it. */
    static int septets(int codePoint) {
        if (codePoint > Character.MAX_VALUE) {
            return 0;
        }
        char c = (char) codePoint;
        if (BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }
}
