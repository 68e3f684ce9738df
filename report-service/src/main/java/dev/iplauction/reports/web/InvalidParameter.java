package dev.iplauction.reports.web;

/** A request parameter that makes no sense; {@code reason} is the problem's code. */
final class InvalidParameter extends RuntimeException {

    private final String reason;

    InvalidParameter(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
