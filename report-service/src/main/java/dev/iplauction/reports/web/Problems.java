package dev.iplauction.reports.web;

import dev.iplauction.reports.replay.ReplayService.ReplayTimedOut;
import dev.iplauction.reports.replay.ReplayService.ReplaysBusy;
import java.net.URI;
import org.apache.kafka.common.KafkaException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as an RFC 9457 problem with a {@code reason} code: {@code invalid-auction-code}, {@code invalid-time},
 * {@code invalid-speed}, {@code report-not-found}, {@code unknown-auction}, {@code event-log-unavailable}, {@code replays-busy}; Spring MVC's
 * own errors as problems too.
 */
@RestControllerAdvice(basePackageClasses = Problems.class)
class Problems extends ResponseEntityExceptionHandler {

    static final String REASON = "reason";

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

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty(REASON, "invalid-request");
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    static ProblemDetail problem(HttpStatus status, String reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + reason));
        String words = reason.replace('-', ' ');
        problem.setTitle(Character.toUpperCase(words.charAt(0)) + words.substring(1));
        problem.setProperty(REASON, reason);
        return problem;
    }
}
