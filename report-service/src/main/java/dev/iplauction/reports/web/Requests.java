package dev.iplauction.reports.web;

import dev.iplauction.contracts.AuctionCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Checks of what a request names, each failing with a problem that says what was wrong. */
final class Requests {

    static final double MIN_SPEED = 0.1;
    static final double MAX_SPEED = 1000;

    private Requests() {}

    static String code(String code) {
        try {
            return AuctionCode.normalise(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("invalid-auction-code", e.getMessage());
        }
    }

    static Instant from(String from) {
        if (from == null || from.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(from.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(
                    "invalid-time",
                    "from must be an ISO-8601 instant such as 2026-11-25T10:00:00Z; got '" + shorten(from) + "'");
        }
    }

    static double speed(String speed) {
        if (speed == null || speed.isBlank()) {
            return 1;
        }
        double value;
        try {
            value = Double.parseDouble(speed.strip());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= MIN_SPEED && value <= MAX_SPEED)) {
            throw new InvalidParameter(
                    "invalid-speed",
                    "speed must be a number from " + MIN_SPEED + " to " + (int) MAX_SPEED + " (times real time); got '"
                            + shorten(speed) + "'");
        }
        return value;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
