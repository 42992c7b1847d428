package com.clientsms.query.web;

import com.clientsms.kernel.query.BroadcastOutcome;
import com.clientsms.kernel.query.BroadcastPage;
import com.clientsms.kernel.query.FindBroadcastOutcome;
import com.clientsms.kernel.query.FindBroadcasts;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How the practice's broadcasts went, for administrators, superusers and compliance officers. */
@RestController
class BroadcastOutcomeController {

    private final QueryGateway queries;

    BroadcastOutcomeController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/broadcasts")
    BroadcastPage broadcasts(
            @AuthenticationPrincipal StaffRef caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        requireReader(caller);
        Paging.check(page, size);
        return Queries.await(queries.query(
                new FindBroadcasts(caller.practiceId(), page, size), ResponseTypes.instanceOf(BroadcastPage.class)));
    }

    @GetMapping("/api/broadcasts/{broadcastId}")
    BroadcastOutcome broadcast(@AuthenticationPrincipal StaffRef caller, @PathVariable String broadcastId) {
        requireReader(caller);
        return Queries.await(queries.query(
                        new FindBroadcastOutcome(caller.practiceId(), broadcastId),
                        ResponseTypes.optionalInstanceOf(BroadcastOutcome.class)))
                .orElseThrow(() -> RuleViolation.notFound("There is no broadcast with id '" + broadcastId + "'."));
    }

    private static void requireReader(StaffRef caller) {
        if (caller.role() == Role.PRACTITIONER) {
            throw RuleViolation.forbidden(
                    "Only administrators, superusers and compliance officers can see how broadcasts went.");
        }
    }
}
