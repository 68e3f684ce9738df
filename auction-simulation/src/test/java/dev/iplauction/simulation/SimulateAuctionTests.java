package dev.iplauction.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.PlayerRating;
import dev.iplauction.agent.strategy.ProfileRating;
import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.simulation.Summary.FranchiseSummary;
import dev.iplauction.simulation.Summary.Sale;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole auctions played by the agents' decision code against the auction house's rules engine. */
class SimulateAuctionTests {

    private final CatalogueRepository catalogues = CatalogueRepository.fromClasspath();

    @Test
    void theIpl2025AuctionEndsWithTenSquadsASeasonCouldBePlayedWithAndThePursesSpent() {
        Summary summary = SimulateAuction.simulate(catalogues.ipl2025(), 1, ProfileRating.shipped(), "profiles");
        SquadRules rules = catalogues.ipl2025().squadRules();

        assertThat(summary.refusals()).as("moves the rules engine refused").isEmpty();
        assertThat(summary.completion()).isIn("ALL_LOTS_DONE", "NO_BIDDER_LEFT");
        assertThat(summary.franchises()).hasSize(10).allSatisfy(f -> {
            assertThat(f.valid()).as("%s: %s", f.franchise(), f.problems()).isTrue();
            assertThat(f.squadSize()).isBetween(rules.minSquad(), rules.maxSquad());
            assertThat(f.overseas()).isLessThanOrEqualTo(rules.maxOverseas());
        });
        assertThat(summary.franchises().stream().filter(f -> f.unspentLakh() < 100))
                .as("franchises that left under ₹1 crore, as all ten did in 2025")
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(summary.top()).hasSize(15);
        assertThat(summary.top().subList(0, 10))
                .as("the ten dearest are proven, capped players")
                .allMatch(Sale::capped);
        assertThat(summary.top().getFirst().priceLakh()).isGreaterThan(1_500);
        // The styles differ: the franchises' spend on overseas players is not one number.
        assertThat(summary.franchises().stream().map(FranchiseSummary::style).distinct())
                .hasSize(10);
    }

    @Test
    void theQuickAuctionEndsWithEverySquadWithinItsLimitsOnTheMarketRatingToo() {
        for (long seed = 1; seed <= 3; seed++) {
            Summary summary = SimulateAuction.simulate(catalogues.quick(), seed, PlayerRating.fromMarket(), "market");
            SquadRules rules = catalogues.quick().squadRules();

            assertThat(summary.refusals()).isEmpty();
            assertThat(summary.franchises())
                    .allSatisfy(f -> assertThat(f.squadSize()).isBetween(rules.minSquad(), rules.maxSquad()));
        }
    }

    @Test
    void theCommandWritesBothSummariesLabelledAsASimulationAndRefusesBadOptions(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = SimulateAuction.run(
                new String[] {"--catalogue", "quick", "--seed", "4", "--out", dir.toString()},
                new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        String markdown = Files.readString(dir.resolve("summary.md"));
        assertThat(markdown)
                .startsWith("# Simulated auction: quick, seed 4")
                .contains("rules engine (dev.iplauction.auction.rules.Auction) directly")
                .contains("| team | squad | overseas |")
                .contains("highest prices");
        assertThat(Files.readString(dir.resolve("summary.json")))
                .contains("\"method\" : \"Simulated:")
                .contains("\"franchises\"")
                .contains("\"unspentLakh\"");
        assertThat(out.toString()).contains("wrote ");

        Path league = dir.resolve("league.json");
        try (var in = getClass().getResourceAsStream("/six-team-league.json")) {
            Files.write(league, in.readAllBytes());
        }
        ByteArrayOutputStream leagueOut = new ByteArrayOutputStream();
        assertThat(SimulateAuction.run(
                        new String[] {
                            "--catalogue",
                            league.toString(),
                            "--out",
                            dir.resolve("league").toString()
                        },
                        new PrintStream(leagueOut),
                        new PrintStream(new ByteArrayOutputStream())))
                .as("a hand-written catalogue file simulates")
                .isZero();
        assertThat(leagueOut.toString())
                .startsWith("# Simulated auction: six-league, seed 1")
                .contains("| MI |")
                .doesNotContain("| SRH |");
        Files.writeString(league, Files.readString(league).replace("\"slots\": 4,", "\"slots\": 9,"));
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        assertThat(SimulateAuction.run(
                        new String[] {"--catalogue", league.toString()},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(broken)))
                .isEqualTo(2);
        assertThat(broken.toString()).contains("franchises[0].slots (id CSK) is 9, but maxSquad 5 less its 1 retained");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertThat(SimulateAuction.run(new String[] {"--catalogue", "ipl2030"}, quiet, new PrintStream(err)))
                .isEqualTo(2);
        assertThat(SimulateAuction.run(new String[] {"--seed", "many"}, quiet, new PrintStream(err)))
                .isEqualTo(2);
        assertThat(SimulateAuction.run(new String[] {"--rating", "vibes"}, quiet, new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--catalogue: no catalogue 'ipl2030': give one of [ipl2025, ipl2026, quick] or the path of a"
                        + " catalogue file")
                .contains("--seed must be a whole number")
                .contains("--rating must be profiles or market");
    }

    private static long uncapped(Summary summary, Franchise franchise) {
        return summary.franchises().stream()
                .filter(f -> f.franchise() == franchise)
                .flatMap(f -> f.bought().stream())
                .filter(sale -> !sale.capped())
                .count();
    }

    private static double overseasShare(FranchiseSummary franchise) {
        long overseas = franchise.bought().stream()
                .filter(Sale::overseas)
                .mapToLong(Sale::priceLakh)
                .sum();
        return franchise.spentLakh() == 0 ? 0 : (double) overseas / franchise.spentLakh();
    }
}
