package com.clientsms.app.ui;

/** Where a page of a list is: "page 2 of 5", and whether there is a page before and after. */
record Paging(int page, int pages, long total, boolean hasPrevious, boolean hasNext) {

    static Paging of(int page, int size, long total) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return new Paging(page, pages, total, page > 0, page + 1 < pages);
    }
}
