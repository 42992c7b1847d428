package com.clientsms.kernel.sending;

import java.util.List;

/** The result of a broadcast or group send: how many clients were targeted, and who was skipped and why. */
public record BroadcastAccepted(String broadcastId, int targeted, List<SkippedRecipient> skipped) {}
