package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The practitioner may no longer text the client. */
@Revision("1")
public record PractitionerUnlinked(
        String clientId, String practiceId, String practitionerId, StaffRef changedBy, Instant changedAt) {}
