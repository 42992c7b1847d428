package com.clientsms.command.web;

import com.clientsms.command.staff.StaffOnboarding;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Adds a member of staff with a password. Who may add whom is the StaffMember aggregate's rule. */
@RestController
@Tag(name = "Staff")
class StaffController {

    private final StaffOnboarding onboarding;

    StaffController(StaffOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Operation(summary = "Add a member of staff with a password (stored as a bcrypt hash)")
    @PostMapping("/api/staff")
    ResponseEntity<Created> register(
            @AuthenticationPrincipal StaffRef caller, @RequestBody(required = false) NewStaff request) {
        NewStaff staff = request == null ? new NewStaff(null, null, null, null) : request;
        String id = onboarding.register(
                null,
                caller.practiceId(),
                staff.username(),
                staff.displayName(),
                roleOf(staff.role()),
                staff.password(),
                caller);
        return ResponseEntity.created(URI.create("/api/staff/" + id)).body(new Created(id));
    }

    /** Read here rather than by Jackson so that an unknown role gets a sentence listing the valid ones. */
    private static Role roleOf(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(
                    "Unknown role '" + role + "': use one of " + Arrays.toString(Role.values()) + ".");
        }
    }

    record NewStaff(String username, String displayName, String role, String password) {

        @Override
        public String toString() {
            return "NewStaff[username=" + username + ", role=" + role + "]";
        }
    }
}
