package com.clientsms.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: a cookie jar, the sign-in form and the CSRF token the pages carry, for tests that post
 * what the pages' forms post (or what a crafted form would post) and look at the raw answer.
 */
final class WebSession {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final String baseUrl;
    private final HttpClient client;

    private WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static WebSession anonymous(String baseUrl) {
        return new WebSession(baseUrl);
    }

    static WebSession signedIn(String baseUrl, String username) {
        WebSession session = new WebSession(baseUrl);
        Map<String, String> form = new LinkedHashMap<>(session.get("/login").hidden());
        form.put("username", username);
        form.put("password", "demo");
        HttpResponse<String> answer = session.post("/login", form);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    Page get(String path) {
        return new Page(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** A page as served, with the hidden fields of its forms (the CSRF token, a send token). */
    record Page(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String html() {
            return response.body();
        }

        Map<String, String> hidden() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher matcher = HIDDEN.matcher(response.body());
            while (matcher.find()) {
                fields.putIfAbsent(matcher.group(1), matcher.group(2));
            }
            return fields;
        }
    }
}
