package com.clientsms.query.web;

import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.rebuild.ProjectionRebuilds;
import com.clientsms.query.rebuild.ProjectionState;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The read models and their rebuilds, for superusers (operators). */
@RestController
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;

    ProjectionAdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping("/api/admin/projections")
    List<ProjectionState> projections(@AuthenticationPrincipal StaffRef caller) {
        requireSuperuser(caller);
        return rebuilds.projections();
    }

    @GetMapping("/api/admin/projections/{name}")
    ProjectionState projection(@AuthenticationPrincipal StaffRef caller, @PathVariable String name) {
        requireSuperuser(caller);
        return rebuilds.state(name);
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionState rebuild(@AuthenticationPrincipal StaffRef caller, @PathVariable String name) {
        requireSuperuser(caller);
        return rebuilds.rebuild(name);
    }

    private static void requireSuperuser(StaffRef caller) {
        if (caller.role() != Role.SUPERUSER) {
            throw RuleViolation.forbidden("Only superusers can see and rebuild the read models.");
        }
    }
}
