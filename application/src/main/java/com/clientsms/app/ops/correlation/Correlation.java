package com.clientsms.app.ops.correlation;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.MDC;

/**
 * The correlation id that follows a message from the request that caused it to its final status: set on the HTTP
 * request (header {@value #HEADER}, accepted or generated), carried in each command's and event's metadata under
 * {@value #KEY} (Axon copies it from the message being handled to the messages it causes), and put into the logging
 * MDC while a command, event or deadline is handled, together with the SMS message id when the payload has one.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String KEY = "correlationId";
    public static final String MESSAGE_ID = "messageId";

    /** Ids we accept from a caller: short and harmless in a log line or a header. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private static final Map<Class<?>, RecordComponent> MESSAGE_ID_COMPONENTS = new ConcurrentHashMap<>();

    private Correlation() {}

    static boolean acceptable(String id) {
        return id != null && ACCEPTED.matcher(id).matches();
    }

    /**
     * Adds the correlation id of the current thread (an HTTP request), or else of the message being handled, to
     * messages dispatched without one. The handled message matters for what is dispatched when its unit of work
     * commits (a deadline scheduled by a deadline handler), after the handler has given the MDC back.
     */
    public static <M extends Message<?>> MessageDispatchInterceptor<M> fromMdc() {
        return messages -> (index, message) -> {
            String id = MDC.get(KEY);
            if (id == null) {
                id = CurrentUnitOfWork.map(unitOfWork ->
                                unitOfWork.getMessage().getMetaData().get(KEY))
                        .map(Object::toString)
                        .orElse(null);
            }
            if (id == null || message.getMetaData().containsKey(KEY)) {
                return message;
            }
            @SuppressWarnings("unchecked")
            M withId = (M) message.andMetaData(Map.of(KEY, id));
            return withId;
        };
    }

    /** Puts the handled message's correlation id and SMS message id into the MDC, and restores the MDC after. */
    public static <M extends Message<?>> MessageHandlerInterceptor<M> intoMdc() {
        return (unitOfWork, chain) -> {
            Message<?> message = unitOfWork.getMessage();
            Object correlationId = message.getMetaData().get(KEY);
            String messageId = messageIdOf(message.getPayload());
            String previousCorrelation = MDC.get(KEY);
            String previousMessage = MDC.get(MESSAGE_ID);
            put(KEY, correlationId == null ? null : correlationId.toString());
            put(MESSAGE_ID, messageId);
            try {
                return chain.proceed();
            } finally {
                put(KEY, previousCorrelation);
                put(MESSAGE_ID, previousMessage);
            }
        };
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** The {@code messageId} component of a record payload (events, commands, the saga's deadline payloads). */
    static String messageIdOf(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return null;
        }
        RecordComponent component = MESSAGE_ID_COMPONENTS.computeIfAbsent(payload.getClass(), Correlation::find);
        if (component == null) {
            return null;
        }
        try {
            Object value = component.getAccessor().invoke(payload);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static RecordComponent find(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (MESSAGE_ID.equals(component.getName()) && component.getType() == String.class) {
                try {
                    component.getAccessor().setAccessible(true);
                } catch (RuntimeException e) {
                    // a public accessor of a public record needs no help
                }
                return component;
            }
        }
        return null;
    }
}
