package dev.iplauction.logservice.query;

import dev.iplauction.support.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal as an RFC 9457 problem with a {@code reason} code, in the services' shared style ({@link ProblemResponses}). */
@RestControllerAdvice(basePackageClasses = Problems.class)
class Problems extends ProblemResponses {

    @ExceptionHandler
    ProblemDetail on(InvalidQuery invalid) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-query", invalid.getMessage());
    }
}
