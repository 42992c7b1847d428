package com.clientsms.app.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP request bodies are read by a strict copy of the application's ObjectMapper: unknown fields, numbers or booleans
 * where text belongs (and the reverse), trailing content, duplicate keys, control characters and broken surrogate pairs
 * are all refused with 400. Only Spring MVC's converter gets the copy: Axon keeps the shared ObjectMapper for events,
 * whose old revisions must still load when they carry fields a newer class no longer has.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                jackson.setObjectMapper(strict(jackson.getObjectMapper()));
            }
        }
    }

    static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper strict = shared.copy();
        strict.enable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        strict.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer)) {
            strict.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        // [null] in a list of ids is a mistake, not an empty entry.
        strict.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        strict.registerModule(new SimpleModule("clean-text").addDeserializer(String.class, new CleanText()));
        return strict;
    }

    /** Text a person could have typed: line breaks and tabs yes, other control characters and lone surrogates no. */
    static final class CleanText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            if (text == null) {
                return null;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    throw new UnacceptableText(
                            p,
                            "contains the control character U+%04X; only line breaks and tabs are allowed"
                                    .formatted((int) c));
                }
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new UnacceptableText(p, "is not valid Unicode (a broken surrogate pair)");
                }
            }
            return text;
        }
    }

    /** A text field's value that no person types; the advice names the field and the reason. */
    static final class UnacceptableText extends MismatchedInputException {
        private final String reason;

        UnacceptableText(JsonParser p, String reason) {
            super(p, "Text " + reason, p.currentLocation());
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }
}
