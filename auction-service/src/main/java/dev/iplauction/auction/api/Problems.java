package dev.iplauction.auction.api;

import dev.iplauction.auction.house.AuctionNotFound;
import dev.iplauction.auction.house.CreationRefused;
import dev.iplauction.auction.house.EventLogUnavailable;
import dev.iplauction.auction.house.EventTooLarge;
import dev.iplauction.auction.rules.AuctionRefusal;
import dev.iplauction.support.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal as an RFC 9457 problem: a status, a sentence that says what and why, and a {@code reason} code a
 * program can act on ({@code stale}, {@code purse}, {@code not-your-seat} …), in the services' shared style
 * ({@link ProblemResponses}, which also turns Spring MVC's own errors into problems).
 */
@RestControllerAdvice(basePackageClasses = Problems.class)
class Problems extends ProblemResponses {

    @ExceptionHandler
    ProblemDetail on(AuctionRefusal refusal) {
        return problem(RefusalStatus.of(refusal.reason()), refusal.reason().code(), refusal.getMessage());
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

    /** A full house is a conflict (409); a client over its creation rate is told when to come back (429). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(CreationRefused refused) {
        if (refused.rateLimited()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()))
                    .body(problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", refused.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "too-many-auctions", refused.getMessage()));
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
}
