package com.clientsms.saga.gateway.twilio;

import com.clientsms.kernel.phone.PhoneNumber;
import com.clientsms.saga.gateway.CarrierErrors;
import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SendOutcome.Accepted;
import com.clientsms.saga.gateway.SendOutcome.Ambiguous;
import com.clientsms.saga.gateway.SendOutcome.Rejected;
import com.clientsms.saga.gateway.SendOutcome.TransientFailure;
import com.clientsms.saga.gateway.SmsGateway;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through Twilio's Messages API with the official SDK. Each message carries a {@code StatusCallback} URL that
 * names our message id, so Twilio's callbacks identify the message without a look-up. Carrier and transport failures
 * come back as outcomes, never as exceptions: permanent Twilio errors are {@link Rejected}, throttling, server errors
 * and failures to connect are {@link TransientFailure}, and anything that may have reached Twilio without an answer
 * (read timeout, connection reset after the request was written, an unreadable success) is {@link Ambiguous}.
 */
final class TwilioSmsGateway implements SmsGateway {

    static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status";

    /** Twilio's clock and ours may differ a little; a look-up also accepts messages created this much earlier. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    /** One page of a recipient's messages, newest first: far more than a practice sends one client in a day. */
    static final long LOOKUP_PAGE_SIZE = 1000;

    private static final Logger log = LoggerFactory.getLogger(TwilioSmsGateway.class);

    private final TwilioSettings settings;
    private final TwilioRestClient client;
    private final BaseUrlHttpClient http;
    private final Clock clock;

    TwilioSmsGateway(TwilioSettings settings, TwilioRestClient client, BaseUrlHttpClient http, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public SendOutcome send(OutboundSms sms) {
        try {
            Message message = creator(sms).create(client);
            if (message.getSid() == null) {
                return new Ambiguous("Twilio answered without a message id; the message may have been sent.");
            }
            log.debug(
                    "Twilio accepted message {} to {} as {}",
                    sms.messageId(),
                    PhoneNumber.mask(sms.to()),
                    message.getSid());
            // Our clock, not Twilio's date_created: that one has whole seconds from another clock, and would put
            // "accepted" before "requested" in a message's history.
            return new Accepted(message.getSid(), clock.instant());
        } catch (TwilioException e) {
            SendOutcome outcome = outcomeOf(e, http.lastStatusOnThisThread().orElse(null));
            // Not e.getMessage(): Twilio's error messages quote the phone number.
            log.info(
                    "Twilio did not accept message {} to {}: {}", sms.messageId(), PhoneNumber.mask(sms.to()), outcome);
            return outcome;
        }
    }

    @Override
    public Optional<Accepted> find(OutboundSms sms, Instant notBefore) {
        Instant since = notBefore.minus(CLOCK_SKEW);
        try {
            // Listed by recipient only: a DateSent filter would miss a message still queued (it has no date_sent).
            var page = Message.reader()
                    .setTo(new com.twilio.type.PhoneNumber(sms.to()))
                    .setPageSize(LOOKUP_PAGE_SIZE)
                    .firstPage(client);
            return page.getRecords().stream()
                    .filter(message -> message.getSid() != null && message.getDateCreated() != null)
                    .filter(message -> !message.getDateCreated().toInstant().isBefore(since))
                    .filter(message -> message.getDirection() == null
                            || message.getDirection().toString().startsWith("outbound"))
                    .filter(message -> Objects.equals(message.getBody(), sms.body()))
                    .filter(this::fromOurSender)
                    .min(Comparator.comparing(Message::getDateCreated))
                    .map(message -> new Accepted(
                            message.getSid(), message.getDateCreated().toInstant()));
        } catch (TwilioException e) {
            throw new TwilioLookupFailed("Could not look up message " + sms.messageId() + " at Twilio: " + describe(e));
        }
    }

    @Override
    public Optional<DeliveryReport> currentStatus(String providerMessageId, String messageId) {
        try {
            Message message = Message.fetcher(providerMessageId).fetch(client);
            return Optional.of(new DeliveryReport(
                    message.getSid(),
                    messageId,
                    message.getStatus() == null ? null : message.getStatus().toString(),
                    message.getErrorCode() == null
                            ? null
                            : message.getErrorCode().toString(),
                    message.getDateUpdated() == null
                            ? clock.instant()
                            : message.getDateUpdated().toInstant()));
        } catch (ApiException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode())
                    || Integer.valueOf(20404).equals(e.getCode())) {
                return Optional.empty();
            }
            throw new TwilioLookupFailed(
                    "Could not fetch message " + providerMessageId + " from Twilio: " + describe(e));
        } catch (TwilioException e) {
            throw new TwilioLookupFailed(
                    "Could not fetch message " + providerMessageId + " from Twilio: " + describe(e));
        }
    }

    String statusCallbackUrl(String messageId) {
        return settings.publicBaseUrl() + STATUS_CALLBACK_PATH + "?messageId="
                + URLEncoder.encode(messageId, StandardCharsets.UTF_8);
    }

    private MessageCreator creator(OutboundSms sms) {
        var to = new com.twilio.type.PhoneNumber(sms.to());
        MessageCreator creator = settings.messagingServiceSid() != null
                ? Message.creator(to, settings.messagingServiceSid(), sms.body())
                : Message.creator(to, new com.twilio.type.PhoneNumber(settings.fromNumber()), sms.body());
        if (settings.messagingServiceSid() != null && settings.fromNumber() != null) {
            creator.setFrom(settings.fromNumber());
        }
        return creator.setStatusCallback(URI.create(statusCallbackUrl(sms.messageId())));
    }

    private boolean fromOurSender(Message message) {
        if (settings.messagingServiceSid() != null && message.getMessagingServiceSid() != null) {
            return settings.messagingServiceSid().equals(message.getMessagingServiceSid());
        }
        if (settings.messagingServiceSid() == null && message.getFrom() != null) {
            return settings.fromNumber().equals(message.getFrom().toString());
        }
        return true;
    }

    /**
     * What a failed create means for the message.
     *
     * @param httpStatus the HTTP status the transport saw, for error bodies the SDK could not read, or null
     */
    static SendOutcome outcomeOf(TwilioException e, Integer httpStatus) {
        if (e instanceof BaseUrlHttpClient.TransportFailure transport) {
            IOException io = transport.io();
            return surelyNotWritten(io)
                    ? new TransientFailure(
                            "connect",
                            "Could not connect to Twilio (" + io.getClass().getSimpleName()
                                    + "); the message was not sent.")
                    : new Ambiguous("No answer from Twilio (" + io.getClass().getSimpleName()
                            + "); the message may or may not have been sent.");
        }
        Integer status =
                e instanceof ApiException api && api.getStatusCode() != null ? api.getStatusCode() : httpStatus;
        Integer code = e instanceof ApiException api ? api.getCode() : null;
        String raw = code != null ? code.toString() : status != null ? status.toString() : null;
        if (Integer.valueOf(429).equals(status) || Integer.valueOf(20429).equals(code)) {
            String throttled = raw == null ? CarrierErrors.TOO_MANY_REQUESTS : raw;
            return new TransientFailure(throttled, CarrierErrors.reason(CarrierErrors.TOO_MANY_REQUESTS));
        }
        if (status != null && status >= 500) {
            return new TransientFailure(raw, CarrierErrors.reason(status.toString()));
        }
        if (Integer.valueOf(401).equals(status) || Integer.valueOf(20003).equals(code)) {
            // Our credentials, not the message: failing every message for good would punish the clients for it.
            log.error("Twilio refused our credentials: check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN");
            return new TransientFailure(
                    raw, "Twilio refused the practice's credentials; the message may be sent later.");
        }
        if (status != null && status >= 400 && code != null) {
            return new Rejected(raw, CarrierErrors.reason(raw));
        }
        if (status != null && status >= 400) {
            // Not Twilio's error shape: a proxy or a wrong TWILIO_API_BASE_URL, not a verdict on this message.
            log.error("Twilio's API answered HTTP {} without an error code: check TWILIO_API_BASE_URL", status);
            return new TransientFailure(raw, "The carrier's API answered HTTP " + status + " without a reason.");
        }
        // A success whose body could not be read, or an answer without a status: Twilio may have the message.
        return new Ambiguous("Twilio's answer could not be read ("
                + e.getClass().getSimpleName() + "); the message may or may not have been sent.");
    }

    /** Without Twilio's message, which may quote the phone number. */
    private static String describe(TwilioException e) {
        if (e instanceof BaseUrlHttpClient.TransportFailure transport) {
            return transport.io().toString();
        }
        if (e instanceof ApiException api) {
            return "HTTP " + api.getStatusCode() + ", error " + api.getCode();
        }
        return e.getClass().getSimpleName();
    }

    /** The request cannot have reached Twilio: no connection was ever made. */
    private static boolean surelyNotWritten(IOException io) {
        return io instanceof ConnectException
                || io instanceof UnknownHostException
                || io instanceof NoRouteToHostException
                || io instanceof ConnectTimeoutException
                || io instanceof ConnectionRequestTimeoutException
                || io instanceof SSLHandshakeException;
    }
}
