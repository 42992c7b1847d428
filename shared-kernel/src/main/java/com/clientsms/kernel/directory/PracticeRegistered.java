package com.clientsms.kernel.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A practice (tenant) exists from now on. */
@Revision("1")
public record PracticeRegistered(String practiceId, String name, Instant registeredAt) {}
