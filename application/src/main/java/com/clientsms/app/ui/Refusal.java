package com.clientsms.app.ui;

import com.clientsms.kernel.rule.RuleViolation;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;

/**
 * A request the domain refused, with the status and the sentence the API would answer with (the same mapping as the
 * problem-details advice), for pages that show it next to what the person typed.
 */
record Refusal(HttpStatus status, String message) {

    static Optional<Refusal> of(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CommandExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuleViolation violation) {
            HttpStatus status =
                    switch (violation.kind()) {
                        case INVALID -> HttpStatus.BAD_REQUEST;
                        case FORBIDDEN -> HttpStatus.FORBIDDEN;
                        case NOT_FOUND -> HttpStatus.NOT_FOUND;
                        case CONFLICT -> HttpStatus.CONFLICT;
                    };
            return Optional.of(new Refusal(status, violation.getMessage()));
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return Optional.of(new Refusal(
                    HttpStatus.NOT_FOUND,
                    "Nothing with id '" + notFound.getAggregateIdentifier() + "' exists in your practice."));
        }
        return Optional.empty();
    }
}
