package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The practitioner may text the client from now on. */
@Revision("1")
public record PractitionerLinked(
        String clientId, String practiceId, String practitionerId, StaffRef changedBy, Instant changedAt) {}
