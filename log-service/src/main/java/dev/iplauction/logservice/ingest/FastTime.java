package dev.iplauction.logservice.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a record's ISO-8601 time to nanoseconds since the epoch. The form every producer here writes
 * ({@code 2024-11-24T10:15:30.250Z}) is read by hand, because {@link Instant#parse} builds a formatter on every call
 * and was the ingest's largest single cost; any other ISO-8601 form (an offset) goes the standard way.
 */
final class FastTime {

    static final long INVALID = Long.MIN_VALUE;

    private FastTime() {}

    static long epochNanos(String text) {
        long fast = utc(text);
        if (fast != INVALID) {
            return fast;
        }
        try {
            return nanos(Instant.parse(text));
        } catch (DateTimeParseException | ArithmeticException e) {
            try {
                return nanos(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException | ArithmeticException again) {
                return INVALID;
            }
        }
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} for years 1970..2261, or INVALID. */
    private static long utc(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(n - 1) != 'Z'
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1970
                || year > 2261
                || month < 1
                || month > 12
                || day < 1
                || day > daysIn(year, month)
                || hour > 23
                || minute > 59
                || second > 59
                || hour < 0
                || minute < 0
                || second < 0) {
            return INVALID;
        }
        long nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 < 1 || n - 21 > 9) {
                return INVALID;
            }
            int fraction = digits(s, 20, n - 21);
            if (fraction < 0) {
                return INVALID;
            }
            nanos = fraction;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days = daysSinceEpoch(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000_000_000L + second * 1_000_000_000L + nanos;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean leap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 (Howard Hinnant's days_from_civil). */
    private static long daysSinceEpoch(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }
}
