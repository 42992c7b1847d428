package com.clientsms.app.ui;

import com.clientsms.kernel.query.ClientHistoryPage;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.web.StaffReads;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The clients the signed-in member of staff may see, and each client's message history with its timelines. */
@Controller
@WebPage
class ClientPagesController {

    static final int PAGE_SIZE = 20;

    private final StaffReads reads;

    ClientPagesController(StaffReads reads) {
        this.reads = reads;
    }

    @GetMapping("/clients")
    String clients(@AuthenticationPrincipal StaffRef me, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("clients", ClientChoice.matching(reads.clients(me), q));
        model.addAttribute("shown", ClientChoice.SHOWN);
        return "clients";
    }

    @GetMapping("/clients/{clientId}")
    String history(
            @AuthenticationPrincipal StaffRef me,
            @PathVariable String clientId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        ClientHistoryPage history = reads.history(me, clientId, page, PAGE_SIZE);
        model.addAttribute("client", ClientChoice.of(reads.client(me, clientId)));
        model.addAttribute("history", history);
        model.addAttribute("paging", Paging.of(history.page(), history.size(), history.total()));
        return "history";
    }
}
