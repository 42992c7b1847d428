package com.clientsms.query.web;

import com.clientsms.kernel.query.ClientHistoryPage;
import com.clientsms.kernel.query.FindClientHistory;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.StaffRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The messages sent to one client, newest first, a page at a time. */
@RestController
@Tag(name = "History")
class ClientHistoryController {

    static final int MAX_PAGE_SIZE = 100;

    private final QueryGateway queries;
    private final VisibleClients visibleClients;

    ClientHistoryController(QueryGateway queries, VisibleClients visibleClients) {
        this.queries = queries;
        this.visibleClients = visibleClients;
    }

    @Operation(summary = "The messages sent to a client, newest first, with each delivery status")
    @GetMapping("/api/clients/{clientId}/messages")
    ClientHistoryPage messages(
            @AuthenticationPrincipal StaffRef caller,
            @PathVariable String clientId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw RuleViolation.invalid("The page number must be 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw RuleViolation.invalid("The page size must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        visibleClients.one(caller, clientId, "You can only see the history of clients linked to you.");
        return Queries.await(queries.query(
                new FindClientHistory(caller.practiceId(), clientId, page, size),
                ResponseTypes.instanceOf(ClientHistoryPage.class)));
    }
}
