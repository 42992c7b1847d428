package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client may be messaged again. */
@Revision("1")
public record ClientOptedIn(String clientId, String practiceId, StaffRef changedBy, Instant changedAt) {}
