package dev.iplauction.logservice.query;

import dev.iplauction.support.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal as an RFC 9457 problem with a {@code reason} code, in the services' shared style ({@link ProblemResponses}). */
@RestControllerAdvice(basePackageClasses = Problems.class)
class Problems extends ProblemResponses {

    @ExceptionHandler
    ProblemDetail on(InvalidQuery invalid) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-query", invalid.getMessage());
    }

    /** Explicitly problem+json: the tail's request asked for an event stream, which a refusal is not. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(LiveTail.TooManyTails full) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "too-many-tails", full.getMessage()));
    }
}
