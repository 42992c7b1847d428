package com.clientsms.query.support;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.directory.ClientRegistered;
import com.clientsms.kernel.directory.StaffMemberRegistered;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.List;

/** Events as the command side and the saga record them, for feeding projections in tests. */
public final class Events {

    public static final String PRACTICE = "practice-1";
    public static final String OTHER_PRACTICE = "practice-2";
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final StaffRef ADMIN = new StaffRef("staff-admin", "alice", "Alice Admin", Role.ADMIN, PRACTICE);
    public static final StaffRef PRACTITIONER =
            new StaffRef("staff-pat", "pat", "Pat Practitioner", Role.PRACTITIONER, PRACTICE);

    private Events() {}

    public static MessageRequested requested(String messageId, String clientId, Instant at) {
        return requested(messageId, PRACTICE, clientId, at);
    }

    public static MessageRequested requested(String messageId, String practiceId, String clientId, Instant at) {
        return new MessageRequested(
                messageId,
                practiceId,
                clientId,
                "Casey Client",
                "+61412345678",
                PRACTITIONER,
                Audience.CLIENT,
                null,
                null,
                "Please call the practice on 02 9999 0000.",
                41,
                SmsEncoding.GSM_7,
                1,
                at);
    }

    public static SmsAccepted accepted(String messageId, String clientId, Instant at) {
        return new SmsAccepted(messageId, PRACTICE, clientId, "SM" + messageId, at);
    }

    public static SmsStatusChanged status(String messageId, String clientId, DeliveryStatus status, Instant at) {
        return new SmsStatusChanged(messageId, PRACTICE, clientId, status, null, null, "SM" + messageId, at);
    }

    public static SmsStatusChanged failed(String messageId, String clientId, String code, String reason, Instant at) {
        return new SmsStatusChanged(
                messageId, PRACTICE, clientId, DeliveryStatus.FAILED, code, reason, "SM" + messageId, at);
    }

    public static ClientRegistered client(
            String clientId, String practiceId, String name, String mobile, String... practitionerIds) {
        return new ClientRegistered(
                clientId, practiceId, name, mobile, true, List.of(practitionerIds), StaffRef.system(practiceId), T0);
    }

    public static StaffMemberRegistered staff(String staffId, String practiceId, String username, Role role) {
        return new StaffMemberRegistered(
                staffId, practiceId, username, username + " Name", role, StaffRef.system(practiceId), T0);
    }
}
