package com.clientsms.query.web;

import com.clientsms.kernel.query.ClientView;
import com.clientsms.kernel.query.FindGroups;
import com.clientsms.kernel.query.FindStaff;
import com.clientsms.kernel.query.GroupView;
import com.clientsms.kernel.query.StaffView;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The client, group and staff lists of the caller's practice. */
@RestController
@Tag(name = "Directory", description = "The caller's practice: clients (mobile numbers masked), groups and staff")
@RequestMapping("/api")
class DirectoryController {

    private final QueryGateway queries;
    private final VisibleClients visibleClients;

    DirectoryController(QueryGateway queries, VisibleClients visibleClients) {
        this.queries = queries;
        this.visibleClients = visibleClients;
    }

    @Operation(summary = "List the clients the caller may see (practitioners: their linked clients)")
    @GetMapping("/clients")
    List<ClientView> clients(@AuthenticationPrincipal StaffRef caller) {
        return visibleClients.all(caller);
    }

    @Operation(summary = "One client")
    @GetMapping("/clients/{clientId}")
    ClientView client(@AuthenticationPrincipal StaffRef caller, @PathVariable String clientId) {
        return visibleClients.one(caller, clientId, "You can only see clients linked to you.");
    }

    /** Practitioners cannot send to groups, so they see none. */
    @Operation(summary = "List the practice's groups (none for practitioners)")
    @GetMapping("/groups")
    List<GroupView> groups(@AuthenticationPrincipal StaffRef caller) {
        if (caller.role() == Role.PRACTITIONER) {
            return List.of();
        }
        return Queries.await(
                queries.query(new FindGroups(caller.practiceId()), ResponseTypes.multipleInstancesOf(GroupView.class)));
    }

    @Operation(summary = "List the practice's staff")
    @GetMapping("/staff")
    List<StaffView> staff(@AuthenticationPrincipal StaffRef caller) {
        return Queries.await(
                queries.query(new FindStaff(caller.practiceId()), ResponseTypes.multipleInstancesOf(StaffView.class)));
    }
}
