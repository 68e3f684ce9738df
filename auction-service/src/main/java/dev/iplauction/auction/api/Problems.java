package dev.iplauction.auction.api;

import dev.iplauction.auction.house.AuctionNotFound;
import dev.iplauction.auction.house.EventLogUnavailable;
import dev.iplauction.auction.house.EventTooLarge;
import dev.iplauction.auction.rules.AuctionRefusal;
import dev.iplauction.contracts.RefusalReason;
import java.net.URI;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as an RFC 9457 problem: a status, a sentence that says what and why, and a {@code reason} code a
 * program can act on ({@code stale}, {@code purse}, {@code not-your-seat} …). Spring MVC's own errors (malformed JSON,
 * a failed validation, a wrong method) come out as problems too.
 */
@RestControllerAdvice(basePackageClasses = Problems.class)
class Problems extends ResponseEntityExceptionHandler {

    static final String REASON = "reason";

    @ExceptionHandler
    ProblemDetail on(AuctionRefusal refusal) {
        return problem(status(refusal.reason()), refusal.reason().code(), refusal.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(AuctionNotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, "unknown-auction", notFound.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(MissingToken missing) {
        return problem(HttpStatus.UNAUTHORIZED, "missing-token", missing.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(IllegalArgumentException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", invalid.getMessage());
    }

    /** The change did not happen; safe to try again. */
    @ExceptionHandler
    ProblemDetail on(EventLogUnavailable unavailable) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "event-log-unavailable", unavailable.getMessage());
    }

    /** Whether the change happened is not known yet: read the auction's state before trying again. */
    @ExceptionHandler
    ProblemDetail on(EventLogUnavailable.OutcomeUnknown unknown) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "outcome-unknown", unknown.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(EventTooLarge tooLarge) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", tooLarge.getMessage());
    }

    /** Spring MVC's own problems, with a reason code and a detail that names what was wrong. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem) {
            switch (ex) {
                case HttpMessageNotReadableException unreadable -> {
                    problem.setProperty(REASON, "malformed-request");
                    problem.setDetail("the request body could not be read: " + shorten(mostSpecific(unreadable)));
                }
                case MethodArgumentNotValidException invalid -> {
                    problem.setProperty(REASON, "invalid-request");
                    problem.setDetail(invalid.getBindingResult().getFieldErrors().stream()
                            .map(e -> e.getField() + " " + e.getDefaultMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
                }
                default -> problem.setProperty(REASON, "invalid-request");
            }
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    private static String mostSpecific(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? "no body" : cause.getMessage();
    }

    private static String shorten(String message) {
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine;
    }

    static ProblemDetail problem(HttpStatus status, String reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + reason));
        problem.setTitle(title(reason));
        problem.setProperty(REASON, reason);
        return problem;
    }

    private static String title(String reason) {
        String words = reason.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static HttpStatus status(RefusalReason reason) {
        return switch (reason) {
            case NOT_YOUR_SEAT, NOT_HOST -> HttpStatus.FORBIDDEN;
            case PURSE, SQUAD_FULL, OVERSEAS_LIMIT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case STALE, HIGHEST_BIDDER, LOT_CLOSED, NOT_RUNNING, NOT_YOUR_TURN, SEAT_TAKEN -> HttpStatus.CONFLICT;
        };
    }
}
