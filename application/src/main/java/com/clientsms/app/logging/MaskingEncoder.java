package com.clientsms.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import com.clientsms.kernel.phone.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps an appender's encoder and masks anything that looks like a phone number in the finished line, exceptions
 * included (+61 4** *** 678). The code already logs masked numbers and never message bodies; this is the net under
 * it for a line that forgets, or a library that prints what it was given.
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {

    /** International numbers (+ and 8 to 15 digits, spaces or dashes allowed) and national ones (0 and 9 digits). */
    static final Pattern PHONE =
            Pattern.compile("(?<![\\w+])(?:\\+\\d(?:[ \\-]?\\d){7,14}|0\\d(?:[ \\-]?\\d){8})(?![\\w])");

    private final Encoder<ILoggingEvent> delegate;

    MaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
    }

    Encoder<ILoggingEvent> delegate() {
        return delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = delegate.encode(event);
        if (line == null || line.length == 0) {
            return line;
        }
        String text = new String(line, StandardCharsets.UTF_8);
        String masked = mask(text);
        return masked == text ? line : masked.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }

    static String mask(String text) {
        Matcher matcher = PHONE.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(PhoneNumber.mask(matcher.group())));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
