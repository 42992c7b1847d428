package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client became inactive. */
@Revision("1")
public record ClientDeactivated(String clientId, String practiceId, StaffRef changedBy, Instant changedAt) {}
