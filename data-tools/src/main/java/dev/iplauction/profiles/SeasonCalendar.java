package dev.iplauction.profiles;

import java.time.LocalDate;

/**
 * When a season of a competition was over, for data that comes by season rather than by match. A season counts
 * toward a profile only if it ended before the cut-off, so no match after an auction can reach that auction's
 * profiles. The dates are late bounds, never early ones: a T20 international season is the calendar year; the Big
 * Bash season named for a year runs into the next February; the Caribbean Premier League ends by October; the
 * Pakistan Super League by June, except 2020, whose play-offs were held in November.
 */
final class SeasonCalendar {

    private SeasonCalendar() {}

    static LocalDate endOf(String competition, int season) {
        return switch (competition) {
            case "BBL" -> LocalDate.of(season + 1, 2, 28);
            case "CPL" -> LocalDate.of(season, 10, 31);
            case "PSL" -> season == 2020 ? LocalDate.of(2020, 11, 30) : LocalDate.of(season, 6, 30);
            case "IPL" -> LocalDate.of(season, 11, 30);
            default -> LocalDate.of(season, 12, 31);
        };
    }
}
