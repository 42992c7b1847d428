package com.clientsms.app.ui;

import com.clientsms.kernel.staff.StaffRef;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the start page for each role: compliance officers audit, everyone else sends. */
@Controller
@WebPage
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffRef me) {
        return me.role().maySend() ? "redirect:/compose" : "redirect:/audit";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
