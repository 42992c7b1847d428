package com.clientsms.app.ops.failfast;

import com.mongodb.MongoException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Turns the start-up failures an operator causes into one sentence saying what to fix, instead of a page of stack
 * trace: a setting our own code refused (a half-configured Twilio, an out-of-range property), a property Spring could
 * not bind, and an external PostgreSQL or MongoDB that does not answer. Registered in META-INF/spring.factories and
 * consulted before Spring Boot's own analyzers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupFailureAnalyzer implements FailureAnalyzer {

    private static final String OUR_CODE = "com.clientsms.";

    private final Environment environment;

    public StartupFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        Throwable refusal = ourRefusal(failure);
        if (refusal != null) {
            return analysis(refusal.getMessage(), "Correct that setting and start the application again.", failure);
        }
        MongoException mongo = find(failure, MongoException.class);
        if (mongo != null && unreachable(mongo)) {
            return analysis(
                    "MongoDB at " + Redacted.uri(environment.getProperty("spring.data.mongodb.uri"))
                            + " did not answer: check spring.data.mongodb.uri and that MongoDB is running and reachable.",
                    "Start MongoDB or correct spring.data.mongodb.uri (unset it to use the in-process read-model store).",
                    failure);
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null && unreachable(sql)) {
            return analysis(
                    "PostgreSQL at " + Redacted.uri(environment.getProperty("spring.datasource.url"))
                            + " could not be reached ("
                            + firstLine(rootCause(sql).getMessage())
                            + "): check spring.datasource.url, its user and password, and that PostgreSQL is running.",
                    "Start PostgreSQL or correct spring.datasource.url (unset it to use the embedded PostgreSQL).",
                    failure);
        }
        BindException bind = find(failure, BindException.class);
        if (bind != null) {
            String name = bind.getProperty() == null
                    ? bind.getName().toString()
                    : bind.getProperty().getName().toString();
            String value = bind.getProperty() == null || Redacted.isSecret(name)
                    ? ""
                    : " = '" + bind.getProperty().getValue() + "'";
            return analysis(
                    "The property " + name + value + " is invalid: "
                            + firstLine(rootCause(bind).getMessage()),
                    "Correct the property (application.properties, an environment variable or a command-line"
                            + " argument) and start again.",
                    failure);
        }
        return null;
    }

    /** An IllegalStateException or IllegalArgumentException thrown by our own code: its message is the sentence. */
    private static Throwable ourRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if ((t instanceof IllegalStateException || t instanceof IllegalArgumentException)
                    && t.getMessage() != null
                    && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith(OUR_CODE)) {
                return t;
            }
        }
        return null;
    }

    private static boolean unreachable(Throwable failure) {
        if (failure instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28"))) {
            return true;
        }
        if (failure instanceof com.mongodb.MongoTimeoutException
                || failure instanceof com.mongodb.MongoSocketException
                || failure instanceof com.mongodb.MongoSecurityException) {
            return true;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (next(t) != null) {
            t = next(t);
        }
        return t;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static FailureAnalysis analysis(String description, String action, Throwable failure) {
        return new FailureAnalysis(description, action, failure);
    }
}
