package dev.iplauction.auction.web;

import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.auction.view.AuctionView.FranchiseView;
import dev.iplauction.auction.view.AuctionView.LotView;
import dev.iplauction.auction.view.AuctionView.Progress;
import dev.iplauction.auction.view.AuctionView.ResultView;
import dev.iplauction.auction.view.AuctionView.Rules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-made views of a quick auction for the page tests. */
final class PageFixtures {

    static final String CODE = "ABCD23";
    static final Instant NOW = Instant.parse("2025-11-24T10:00:00Z");
    static final Rules RULES = new Rules(4, 8, 3, 30, 2000, 1000, 1600);

    static final Player BUTTLER = new Player(
            "7",
            "Jos Buttler",
            "England",
            true,
            Role.WICKETKEEPER,
            true,
            "M1",
            Lakh.of(200),
            Franchise.RR,
            34,
            "Right",
            null);
    static final Player KOHLI = new Player(
            "3",
            "Virat Kohli</script>",
            "India",
            false,
            Role.BATTER,
            true,
            "M1",
            Lakh.of(200),
            Franchise.RCB,
            36,
            "Right",
            null);

    private PageFixtures() {}

    static List<FranchiseView> franchises(Set<Franchise> seated) {
        return Arrays.stream(Franchise.values())
                .map(f -> new FranchiseView(
                        f.code(),
                        f.displayName(),
                        f.primaryColour(),
                        f.secondaryColour(),
                        seated.contains(f),
                        4000,
                        "₹40 Cr",
                        3910,
                        Lakh.of(3910).display(),
                        0,
                        0,
                        1,
                        0,
                        Map.of()))
                .toList();
    }

    static AuctionView lobby(Set<Franchise> seated) {
        return new AuctionView(
                CODE,
                "Quick auction",
                "LOBBY",
                "MAIN",
                3,
                NOW,
                RULES,
                null,
                franchises(seated),
                List.of(),
                new Progress(0, 60, 0, 0),
                null);
    }

    /** Lot 2 is open with MI's bid of ₹2.10 Cr on Buttler; lot 1 (Kohli) went to CSK for ₹3 Cr. */
    static AuctionView running(Set<Franchise> seated) {
        var lot = new LotView(
                2,
                "BIDDING",
                BUTTLER,
                200,
                "₹2 Cr",
                210,
                Lakh.of(210).display(),
                "MI",
                220,
                Lakh.of(220).display(),
                NOW.plusMillis(1500),
                1500,
                null,
                2);
        var sold = new ResultView(1, "MAIN", "3", KOHLI.name(), "BATTER", false, "CSK", 300, "₹3 Cr", false, false);
        return new AuctionView(
                CODE,
                "Quick auction",
                "RUNNING",
                "MAIN",
                17,
                NOW,
                RULES,
                lot,
                franchises(seated),
                List.of(sold),
                new Progress(1, 59, 1, 0),
                null);
    }
}
