package dev.iplauction.reports.web;

import dev.iplauction.reports.replay.ReplayService.ReplayTimedOut;
import dev.iplauction.reports.replay.ReplayService.ReplaysBusy;
import dev.iplauction.support.web.ProblemResponses;
import org.apache.kafka.common.KafkaException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal as an RFC 9457 problem with a {@code reason} code: {@code invalid-auction-code}, {@code invalid-time},
 * {@code invalid-speed}, {@code report-not-found}, {@code unknown-auction}, {@code event-log-unavailable}, {@code replays-busy}; Spring
 * MVC's own errors as problems too, in the services' shared style ({@link ProblemResponses}).
 */
@RestControllerAdvice(basePackageClasses = Problems.class)
class Problems extends ProblemResponses {

    @ExceptionHandler
    ProblemDetail on(InvalidParameter invalid) {
        return problem(HttpStatus.BAD_REQUEST, invalid.reason(), invalid.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(ReportNotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, "report-not-found", notFound.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(TimelineCache.ReplayNotReady notReady) {
        return problem(HttpStatus.CONFLICT, "replay-not-ready", notReady.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(UnknownAuction unknown) {
        return problem(HttpStatus.NOT_FOUND, "unknown-auction", unknown.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(ReplayTimedOut timedOut) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "event-log-unavailable", timedOut.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ReplaysBusy busy) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "replays-busy", busy.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail on(KafkaException kafka) {
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "event-log-unavailable",
                "the auction's topics could not be read: " + kafka.getMessage());
    }
}
