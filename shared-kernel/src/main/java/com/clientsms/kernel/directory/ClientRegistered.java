package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A client joined the practice. The mobile number is E.164, or null when the client has none. */
@Revision("1")
public record ClientRegistered(
        String clientId,
        String practiceId,
        String name,
        String mobile,
        boolean active,
        List<String> practitionerIds,
        StaffRef registeredBy,
        Instant registeredAt) {}
