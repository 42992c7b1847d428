package com.clientsms.kernel.sending;

/** A client a broadcast targets, as the directory had them when it was requested (the mobile number in E.164). */
public record BroadcastRecipient(String clientId, String name, String mobile) {}
