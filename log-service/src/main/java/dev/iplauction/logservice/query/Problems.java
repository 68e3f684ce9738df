package dev.iplauction.logservice.query;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as an RFC 9457 problem with a {@code reason} code, in the auction house's style. */
@RestControllerAdvice(basePackageClasses = Problems.class)
class Problems extends ResponseEntityExceptionHandler {

    static final String REASON = "reason";

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

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem) {
            problem.setProperty(REASON, "invalid-request");
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    static ProblemDetail problem(HttpStatus status, String reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + reason));
        problem.setTitle(
                Character.toUpperCase(reason.charAt(0)) + reason.substring(1).replace('-', ' '));
        problem.setProperty(REASON, reason);
        return problem;
    }
}
