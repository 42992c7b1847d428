package com.clientsms.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Once Spring Boot has configured Logback, puts a {@link MaskingEncoder} in front of every appender of the root
 * logger (console, and the file when logging.file.name is set), whatever pattern or structured format the operator
 * chose. Registered in META-INF/spring.factories, because logging is configured before any bean exists.
 */
public class PhoneMaskingLogs implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> stream
                    && !(stream.getEncoder() instanceof MaskingEncoder)
                    && stream.getEncoder() != null) {
                MaskingEncoder masking = new MaskingEncoder(stream.getEncoder());
                masking.setContext(context);
                masking.start();
                stream.setEncoder(masking);
            }
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
