package com.clientsms.kernel.body;

/** How the carrier encodes a message, which decides how many characters fit in one SMS segment. */
public enum SmsEncoding {
    GSM_7(160, 153),
    UCS_2(70, 67);

    private final int singleSegmentCapacity;
    private final int multipartSegmentCapacity;

    SmsEncoding(int singleSegmentCapacity, int multipartSegmentCapacity) {
        this.singleSegmentCapacity = singleSegmentCapacity;
        this.multipartSegmentCapacity = multipartSegmentCapacity;
    }

    /** Capacity of a message that fits in one segment: septets for GSM-7, UTF-16 code units for UCS-2. */
    public int singleSegmentCapacity() {
        return singleSegmentCapacity;
    }

    /** Capacity of each part of a concatenated message (the rest carries the reassembly header). */
    public int multipartSegmentCapacity() {
        return multipartSegmentCapacity;
    }
}
