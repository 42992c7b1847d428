package com.clientsms.saga.webhook;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The externally visible URL of the application's root, which status callbacks are addressed to and signed against:
 * {@code PUBLIC_BASE_URL} when set (including any path prefix a proxy or the servlet context path adds), otherwise
 * {@code http://localhost:<the port the server really listens on><context path>} (so random ports in tests work).
 * Without a trailing slash.
 */
@Component
public class PublicBaseUrl implements ApplicationListener<WebServerInitializedEvent> {

    public static final String PROPERTY = "PUBLIC_BASE_URL";

    private final CompletableFuture<String> value = new CompletableFuture<>();

    @Autowired
    public PublicBaseUrl(Environment environment) {
        this(environment.getProperty(PROPERTY));
    }

    /** A fixed base URL, or null to wait for the local server's port. */
    public PublicBaseUrl(String configured) {
        if (configured != null && !configured.isBlank()) {
            value.complete(stripTrailingSlash(configured.trim()));
        }
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // Only the main server: a separate management server has a namespace.
        if (event.getApplicationContext().getServerNamespace() == null) {
            String contextPath =
                    event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
            value.complete(stripTrailingSlash(
                    "http://localhost:" + event.getWebServer().getPort() + contextPath));
        }
    }

    /** The base URL, or empty when no PUBLIC_BASE_URL is set and the server has not started yet. */
    public Optional<String> current() {
        return Optional.ofNullable(value.getNow(null));
    }

    /** Waits for the local server to start when the base URL depends on its port. */
    public Optional<String> await(Duration timeout) {
        try {
            return Optional.of(value.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String stripTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
