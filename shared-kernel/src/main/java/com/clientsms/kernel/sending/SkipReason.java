package com.clientsms.kernel.sending;

/** Why a client of a broadcast's audience was not texted. */
public enum SkipReason {
    INACTIVE("inactive"),
    NO_MOBILE("no mobile number"),
    OPTED_OUT("opted out");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    /** The reason in words, as the API and the screens show it. */
    public String label() {
        return label;
    }
}
