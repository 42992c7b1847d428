package com.clientsms.saga.gateway.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's HTTP transport, with three changes the SDK's own {@code NetworkHttpClient} cannot be configured
 * for:
 *
 * <ul>
 *   <li>every request goes to {@code TWILIO_API_BASE_URL} when set (scheme, host, port and any path prefix replaced;
 *       path, query, form parameters, headers and basic auth kept). The SDK's URL builder is bypassed on purpose: it
 *       rewrites hosts with more than three labels (a regional edge such as {@code api.dublin.ie1.twilio.com});
 *   <li>connect and read timeouts are ours ({@code NetworkHttpClient} overwrites them on every request);
 *   <li>no request is ever repeated, neither by the SDK (which retries 5xx) nor by Apache HttpClient (which retries
 *       429/503): the Messages API has no idempotency key, so the delivery saga decides about every further attempt.
 * </ul>
 *
 * A transport failure is thrown as a {@link TransportFailure} whose cause is the original {@link IOException}, so that
 * the adapter can tell "never connected" from "no answer after the request went out".
 */
final class BaseUrlHttpClient extends HttpClient implements AutoCloseable {

    private final URI baseUrl;
    private final CloseableHttpClient client;
    /** The HTTP status of this thread's last response, for error bodies the SDK cannot parse. */
    private final ThreadLocal<Integer> lastStatus = new ThreadLocal<>();

    /**
     * @param baseUrl where to send requests instead of Twilio's API, or null for Twilio's own
     */
    BaseUrlHttpClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl;
        Timeout connect = Timeout.of(connectTimeout);
        Timeout read = Timeout.of(readTimeout);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .useSystemProperties()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .setMaxConnPerRoute(20)
                .setMaxConnTotal(100)
                .build();
        this.client = HttpClients.custom()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .build())
                .setDefaultHeaders(List.of(
                        new BasicHeader("X-Twilio-Client", "java-13.0.1"),
                        new BasicHeader(HttpHeaders.ACCEPT, "application/json"),
                        new BasicHeader(HttpHeaders.ACCEPT_ENCODING, "utf-8")))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        lastStatus.remove();
        HttpUriRequestBase http = new HttpUriRequestBase(request.getMethod().name(), target(request));
        if (request.requiresAuthentication()) {
            http.addHeader(HttpHeaders.AUTHORIZATION, request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> http.addHeader(name, value)));
        http.addHeader(HttpHeaders.USER_AGENT, "client-sms twilio-java/13.0.1");
        if (request.getMethod() != HttpMethod.GET) {
            List<NameValuePair> form = new ArrayList<>();
            request.getPostParams()
                    .forEach((name, values) -> values.forEach(value -> form.add(new BasicNameValuePair(name, value))));
            http.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        }
        try {
            return client.execute(http, response -> {
                lastStatus.set(response.getCode());
                String content =
                        response.getEntity() == null ? null : EntityUtils.toString(response.getEntity(), "UTF-8");
                return new Response(content, response.getCode(), response.getHeaders());
            });
        } catch (IOException e) {
            throw new TransportFailure(e);
        }
    }

    /** The HTTP status of the last response this thread received, if the last request got one. */
    Optional<Integer> lastStatusOnThisThread() {
        return Optional.ofNullable(lastStatus.get());
    }

    URI target(Request request) {
        URL original = request.constructURL();
        if (baseUrl == null) {
            return URI.create(original.toString());
        }
        String prefix = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
        String query = original.getQuery() == null ? "" : "?" + original.getQuery();
        return URI.create(
                baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + prefix + original.getPath() + query);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** The request failed on the network (its cause says where), as opposed to an answer the SDK could not read. */
    static final class TransportFailure extends ApiConnectionException {

        TransportFailure(IOException cause) {
            super("Twilio request failed: " + cause, cause);
        }

        IOException io() {
            return (IOException) getCause();
        }
    }
}
