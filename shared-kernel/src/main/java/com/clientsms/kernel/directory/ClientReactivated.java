package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client became active again. */
@Revision("1")
public record ClientReactivated(String clientId, String practiceId, StaffRef changedBy, Instant changedAt) {}
