package com.clientsms.kernel.query;

/** The clients of a practice; with a practitioner id, only those linked to that practitioner. */
public record FindClients(String practiceId, String practitionerId) {}
