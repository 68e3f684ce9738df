package dev.iplauction.support.web;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The services' one problem style (RFC 9457): a status, a sentence that says what is wrong, type
 * {@code /problems/<reason>}, a title made from the reason, and a {@code reason} property a program can act on.
 *
 * <p>A service's {@code @RestControllerAdvice} extends this and adds an {@code @ExceptionHandler} per refusal of its
 * own, built with {@link #problem}. Spring MVC's own errors come out in the same style: an unreadable body as
 * {@code malformed-request} with the parser's first line, a failed validation as {@code invalid-request} naming each
 * field, anything else as {@code invalid-request}.
 */
public abstract class ProblemResponses extends ResponseEntityExceptionHandler {

    public static final String REASON = "reason";

    private static final int LONGEST_DETAIL = 200;

    public static ProblemDetail problem(HttpStatusCode status, String reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + reason));
        problem.setTitle(title(reason));
        problem.setProperty(REASON, reason);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(REASON))) {
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
                    // Each field and why, for a program: {"field": "name", "message": "size must be …"}.
                    problem.setProperty(
                            "fields",
                            invalid.getBindingResult().getFieldErrors().stream()
                                    .map(e -> Map.of(
                                            "field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                                    .toList());
                }
                default -> problem.setProperty(REASON, "invalid-request");
            }
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    static String title(String reason) {
        String words = reason.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
        return firstLine.length() > LONGEST_DETAIL ? firstLine.substring(0, LONGEST_DETAIL) + "…" : firstLine;
    }
}
