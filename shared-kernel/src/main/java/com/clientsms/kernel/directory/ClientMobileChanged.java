package com.clientsms.kernel.directory;

import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client's registered mobile number changed; null means the client has none now. */
@Revision("1")
public record ClientMobileChanged(
        String clientId, String practiceId, String mobile, StaffRef changedBy, Instant changedAt) {}
