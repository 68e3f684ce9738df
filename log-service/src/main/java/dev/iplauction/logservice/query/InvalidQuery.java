package dev.iplauction.logservice.query;

/** A query parameter that cannot be understood; the message says which and why. */
final class InvalidQuery extends IllegalArgumentException {

    InvalidQuery(String message) {
        super(message);
    }
}
