package com.clientsms.command.lookup;

/** A client as a send sees it at request time. The mobile number is E.164, or null when the client has none. */
public record AudienceMember(String clientId, String name, String mobile, boolean active, boolean optedOut) {}
