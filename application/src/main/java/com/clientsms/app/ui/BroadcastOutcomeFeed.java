package com.clientsms.app.ui;

import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.web.StaffReads;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The outcome page polls this while the broadcast drains. */
@RestController
class BroadcastOutcomeFeed {

    private final StaffReads reads;

    BroadcastOutcomeFeed(StaffReads reads) {
        this.reads = reads;
    }

    @GetMapping("/broadcasts/{broadcastId}/outcome")
    OutcomeView outcome(@AuthenticationPrincipal StaffRef me, @PathVariable String broadcastId) {
        return OutcomeView.of(reads.broadcast(me, broadcastId));
    }
}
