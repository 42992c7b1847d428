package com.clientsms.kernel.query;

import java.util.List;

/** A broadcast's body and audience, and the clients whose messages failed or were undelivered. */
public record FailedRecipients(
        String broadcastId, String audience, String groupId, String groupName, String body, List<String> clientIds) {}
