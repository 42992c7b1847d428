package com.clientsms.app.web;

import com.clientsms.kernel.rule.RuleViolation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.CharConversionException;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into RFC 9457 problem details with a sentence a person can act on. Domain refusals come from
 * the aggregates as RuleViolations; their kind decides the status.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        HttpStatus status =
                switch (violation.kind()) {
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                };
        return ProblemDetail.forStatusAndDetail(status, violation.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "Nothing with id '" + e.getAggregateIdentifier() + "' exists in your practice.");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Someone changed the same record at the same moment; try again.");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Request failed unexpectedly", e);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was sent. Try again.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof RequestBodyTooLargeException tooLarge) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            return handleExceptionInternal(e, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableReason(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String unreadableReason(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof StrictJsonConfiguration.UnacceptableText text) {
            return "Field '" + path(text) + "' " + text.reason() + ".";
        }
        if (cause instanceof InvalidNullException nullValue) {
            return "Field '" + path(nullValue) + "' must not be null.";
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "' in the request body.";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' has a value of the wrong type or format.";
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return "Field '" + path(mismatch) + "' has the wrong type.";
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "The request needs a JSON body.";
        }
        if (cause instanceof CharConversionException
                || (cause instanceof JsonParseException parse
                        && String.valueOf(parse.getOriginalMessage()).contains("UTF-8"))) {
            return "The request body is not valid UTF-8 text.";
        }
        if (cause instanceof JsonParseException parse
                && String.valueOf(parse.getOriginalMessage()).contains("Duplicate field")) {
            return "The request body names the same field twice.";
        }
        return "The request body is not valid JSON.";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
