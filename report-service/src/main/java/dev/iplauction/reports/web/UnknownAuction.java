package dev.iplauction.reports.web;

/** A replay found no events for the auction on any of its topics. */
final class UnknownAuction extends RuntimeException {
    UnknownAuction(String message) {
        super(message);
    }
}
