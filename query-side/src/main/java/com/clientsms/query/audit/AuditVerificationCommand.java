package com.clientsms.query.audit;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line audit check: {@code --clientsms.cli=verify-audit} (optionally {@code --clientsms.cli.practice=id})
 * brings the chain up to date, verifies every practice's chain (or the one named), prints one line per practice and
 * exits with 0 when every chain is intact, 1 otherwise.
 */
@Component
@ConditionalOnProperty(name = "clientsms.cli", havingValue = "verify-audit")
class AuditVerificationCommand implements ApplicationRunner {

    private final AuditChainRecorder recorder;
    private final AuditChainVerifier verifier;
    private final ApplicationContext context;

    AuditVerificationCommand(AuditChainRecorder recorder, AuditChainVerifier verifier, ApplicationContext context) {
        this.recorder = recorder;
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        recorder.catchUp();
        List<String> practices = args.containsOption("clientsms.cli.practice")
                ? args.getOptionValues("clientsms.cli.practice")
                : verifier.practices();
        boolean allValid = true;
        for (String practiceId : practices) {
            ChainVerification result = verifier.verify(practiceId);
            allValid &= result.valid();
            System.out.println(describe(result));
        }
        int code = allValid ? 0 : 1;
        System.out.println(allValid ? "Audit trail intact." : "AUDIT TRAIL BROKEN.");
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    static String describe(ChainVerification result) {
        if (result.valid()) {
            return "practice %s: valid, %d events checked (chained up to global index %d)"
                    .formatted(result.practiceId(), result.eventsChecked(), result.chainedUpTo());
        }
        var bad = result.firstBadEvent();
        return "practice %s: INVALID after %d good events: event %s at global index %d was %s"
                .formatted(
                        result.practiceId(),
                        result.eventsChecked(),
                        bad.eventIdentifier(),
                        bad.globalIndex(),
                        bad.problem());
    }
}
