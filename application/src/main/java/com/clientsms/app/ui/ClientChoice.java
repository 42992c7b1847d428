package com.clientsms.app.ui;

import com.clientsms.kernel.query.ClientView;
import com.clientsms.kernel.sending.SkipReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A client as the compose page offers it: the name, and why a send would be refused (in the broadcast's words), so
 * the sender learns it before typing.
 */
record ClientChoice(String id, String name, String note) {

    static final int SHOWN = 20;

    static ClientChoice of(ClientView client) {
        List<String> notes = new ArrayList<>();
        if (!client.active()) {
            notes.add(SkipReason.INACTIVE.label());
        }
        if (!client.hasMobile()) {
            notes.add(SkipReason.NO_MOBILE.label());
        }
        if (client.optedOut()) {
            notes.add(SkipReason.OPTED_OUT.label());
        }
        return new ClientChoice(client.id(), client.name(), String.join(", ", notes));
    }

    /** The visible clients whose name contains every word of the search, by name, at most {@link #SHOWN}. */
    static List<ClientChoice> matching(List<ClientView> visible, String search) {
        String[] words = search == null
                ? new String[0]
                : search.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return visible.stream()
                .filter(client -> {
                    String name = client.name().toLowerCase(Locale.ROOT);
                    for (String word : words) {
                        if (!name.contains(word)) {
                            return false;
                        }
                    }
                    return true;
                })
                .sorted(Comparator.comparing(ClientView::name, String.CASE_INSENSITIVE_ORDER))
                .limit(SHOWN)
                .map(ClientChoice::of)
                .toList();
    }
}
