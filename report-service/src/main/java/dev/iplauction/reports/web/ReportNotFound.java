package dev.iplauction.reports.web;

/** No report, and no events, for an auction this service has been asked about. */
final class ReportNotFound extends RuntimeException {
    ReportNotFound(String message) {
        super(message);
    }
}
