package com.clientsms.app.ui;

import com.clientsms.command.broadcast.AudiencePreview;
import com.clientsms.kernel.sending.SkippedRecipient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The audience preview in the sender's words: how many will be texted, how many skipped and why. */
record AudienceSummary(int targeted, int skipped, String sentence, List<Skipped> skippedClients) {

    record Skipped(String clientId, String clientName, String reason) {}

    static AudienceSummary of(AudiencePreview.Preview preview) {
        Map<String, Long> reasons = new TreeMap<>(preview.skipped().stream()
                .collect(Collectors.groupingBy(s -> s.reason().label(), Collectors.counting())));
        String texted =
                preview.targeted() == 1 ? "1 client will be texted" : preview.targeted() + " clients will be texted";
        String sentence = preview.skipped().isEmpty()
                ? texted + "; none skipped."
                : texted + "; " + preview.skipped().size() + " skipped ("
                        + reasons.entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey())
                                .collect(Collectors.joining(", "))
                        + ").";
        return new AudienceSummary(
                preview.targeted(),
                preview.skipped().size(),
                sentence,
                preview.skipped().stream().map(AudienceSummary::skipped).toList());
    }

    private static Skipped skipped(SkippedRecipient recipient) {
        return new Skipped(
                recipient.clientId(), recipient.clientName(), recipient.reason().label());
    }
}
