package dev.iplauction.auction.web;

import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.profiles.PlayerProfile;
import dev.iplauction.profiles.PlayerProfile.BattingLine;
import dev.iplauction.profiles.PlayerProfile.BowlingLine;
import dev.iplauction.profiles.ProfileRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The room's player card: the statistics the agents price a player from (the shipped Cricsheet-based profiles, looked
 * up as the agents look them up, so an IPL 2026 auction's player gets his 2026 profile), as labelled lines. A player
 * without data gets the profile's note on why.
 */
@RestController
class PlayerCards {

    /** A catalogue id: a serial number, or R-&lt;franchise&gt;-&lt;n&gt; for a retained player. */
    private static final Pattern PLAYER_ID = Pattern.compile("[A-Za-z0-9-]{1,20}");

    record Line(String label, String value) {}

    record Card(String id, String name, String coverage, String note, List<Line> lines) {}

    private final AuctionHouse house;

    PlayerCards(AuctionHouse house) {
        this.house = house;
    }

    @GetMapping("/auctions/{code}/players/{id}/card")
    ResponseEntity<Card> card(@PathVariable String code, @PathVariable String id) {
        String auction = AuctionCode.normalise(code);
        if (!PLAYER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a player id is up to 20 letters, digits or dashes; got another");
        }
        Card card = house.player(auction, id)
                .flatMap(ProfileRepository::shipped)
                .map(PlayerCards::of)
                .orElseGet(() -> new Card(id, null, "NONE", "No profile for this player.", List.of()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(card);
    }

    @ExceptionHandler
    ResponseEntity<String> on(IllegalArgumentException invalid) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(invalid.getMessage());
    }

    static Card of(PlayerProfile p) {
        List<Line> lines = new ArrayList<>();
        var x = p.experience();
        if (x.iplMatches() > 0) {
            lines.add(new Line(
                    "IPL experience",
                    x.iplMatches() + " matches, " + x.iplSeasons() + " seasons (" + x.firstIplSeason() + "–"
                            + x.lastIplSeason() + ")"));
        }
        if (x.t20Matches() > 0) {
            lines.add(new Line("All T20", x.t20Matches() + " matches, " + x.t20iMatches() + " T20 internationals"));
        }
        p.battingRecord().ifPresent(b -> {
            if (b.ipl() != null && b.ipl().balls() > 0) {
                lines.add(new Line("IPL batting", batting(b.ipl())));
            }
            if (b.iplPhases() != null && b.ipl() != null && b.ipl().balls() > 0) {
                lines.add(new Line(
                        "Strike rate by phase",
                        "powerplay " + sr(b.iplPhases().powerplay()) + " · middle "
                                + sr(b.iplPhases().middle()) + " · death "
                                + sr(b.iplPhases().death())));
            }
            if (b.t20() != null && b.t20().balls() > 0) {
                lines.add(new Line("T20 batting", batting(b.t20())));
            }
        });
        p.bowlingRecord().ifPresent(b -> {
            if (b.ipl() != null && b.ipl().balls() > 0) {
                lines.add(new Line("IPL bowling", bowling(b.ipl())));
            }
            if (b.iplPhases() != null && b.ipl() != null && b.ipl().balls() > 0) {
                lines.add(new Line(
                        "Economy by phase",
                        "powerplay " + econ(b.iplPhases().powerplay()) + " · middle "
                                + econ(b.iplPhases().middle()) + " · death "
                                + econ(b.iplPhases().death())));
            }
            if (b.t20() != null && b.t20().balls() > 0) {
                lines.add(new Line("T20 bowling", bowling(b.t20())));
            }
        });
        p.recentForm().ifPresent(f -> {
            List<String> parts = new ArrayList<>();
            parts.add(f.matches() + " matches since " + f.since());
            if (f.batting() != null && f.batting().balls() > 0) {
                parts.add(batting(f.batting()));
            }
            if (f.bowling() != null && f.bowling().balls() > 0) {
                parts.add(bowling(f.bowling()));
            }
            lines.add(new Line("Form", String.join("; ", parts)));
        });
        return new Card(
                p.id(), p.name(), p.coverage().status().name(), p.coverage().note(), List.copyOf(lines));
    }

    private static String batting(BattingLine l) {
        return l.runs() + " runs, strike rate " + fixed(l.strikeRate()) + ", average " + fixed(l.average());
    }

    private static String bowling(BowlingLine l) {
        return l.wickets() + " wickets, economy " + fixed(l.economy()) + ", dot balls " + Math.round(100 * l.dotRate())
                + "%";
    }

    private static String sr(BattingLine l) {
        return l == null || l.balls() == 0 ? "–" : fixed(l.strikeRate());
    }

    private static String econ(BowlingLine l) {
        return l == null || l.balls() == 0 ? "–" : fixed(l.economy());
    }

    private static String fixed(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
