package com.clientsms.query.web;

import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.audit.AuditChainVerifier;
import com.clientsms.query.audit.ChainVerification;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recomputes the caller's practice's hash chain from the event store and says whether the audit trail is intact. */
@RestController
class AuditVerificationController {

    private final AuditChainVerifier verifier;

    AuditVerificationController(AuditChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/verify")
    ChainVerification verify(@AuthenticationPrincipal StaffRef caller) {
        if (!caller.role().mayAudit()) {
            throw RuleViolation.forbidden(
                    "Only compliance officers, administrators and superusers can verify the audit trail.");
        }
        return verifier.verify(caller.practiceId());
    }
}
