package dev.iplauction.auction.house;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.kafkatest.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The made-up six-team league of docs/examples, loaded from a file as a user would write it, played to the end in the
 * house by six seated franchises (on each lot the two franchises with the smallest squads that may still buy the
 * player bid, so its bid ladder is the league's own), then rebuilt from its event log alone.
 */
class SixTeamLeagueTests {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Test
    void aHandWrittenLeaguePlaysToTheEndWithinItsOwnLimitsAndRebuildsFromItsLog(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("league.json");
        try (InputStream in = getClass().getResourceAsStream("/six-team-league.json")) {
            Files.write(file, in.readAllBytes());
        }
        CatalogueRepository catalogues = CatalogueRepository.fromClasspath().with(file);
        MutableClock clock = new MutableClock(Instant.parse("2025-12-16T10:00:00Z"));
        MemoryEventLog log = new MemoryEventLog();

        Map<Franchise, String> seats = new LinkedHashMap<>();
        AuctionView end;
        String code;
        try (AuctionHouse house = house(log, clock, catalogues)) {
            AuctionHouse.Created created = house.create(CreateAuction.of("six-league")
                    .withWindows(WINDOW.toMillis(), WINDOW.toMillis(), WINDOW.toMillis()));
            code = created.code();
            for (AuctionView.FranchiseView f : house.view(code).franchises()) {
                Franchise franchise = Franchise.fromCode(f.code()).orElseThrow();
                seats.put(franchise, house.claimSeat(code, franchise, null));
            }
            assertThat(seats).hasSize(6);
            house.host(code, created.hostToken(), HostAction.START);

            for (int step = 0;
                    step < 500 && !"COMPLETED".equals(house.view(code).phase());
                    step++) {
                AuctionView view = house.view(code);
                AuctionView.LotView lot = view.lot();
                if (lot != null && "BIDDING".equals(lot.stage()) && lot.highestBidder() == null) {
                    // Two bids a lot where two franchises may buy him: the second names the league's next amount.
                    for (int bid = 0; bid < 2; bid++) {
                        AuctionView now = house.view(code);
                        AuctionView.LotView open = now.lot();
                        now.franchises().stream()
                                .filter(f -> !f.code().equals(open.highestBidder())
                                        && f.maxBid() >= open.nextBid()
                                        && f.squadSize() < now.rules().maxSquad()
                                        && (!open.player().overseas()
                                                || f.overseasCount()
                                                        < now.rules().maxOverseas()))
                                .min(Comparator.comparingInt(AuctionView.FranchiseView::squadSize))
                                .ifPresent(f -> {
                                    Franchise buyer =
                                            Franchise.fromCode(f.code()).orElseThrow();
                                    house.bid(code, seats.get(buyer), buyer, open.number(), Lakh.of(open.nextBid()));
                                });
                    }
                }
                long seq = house.view(code).seq();
                clock.advance(WINDOW.plusSeconds(1));
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> house.view(code).seq() > seq);
            }
            end = house.view(code);
        }

        assertThat(end.phase()).isEqualTo("COMPLETED");
        assertThat(end.progress().sold()).as("players sold").isPositive();
        for (AuctionView.FranchiseView f : end.franchises()) {
            assertThat(f.squadSize())
                    .as("%s's squad", f.code())
                    .isBetween(1, end.rules().maxSquad());
            assertThat(f.overseasCount())
                    .as("%s's overseas", f.code())
                    .isLessThanOrEqualTo(end.rules().maxOverseas());
            assertThat(f.purse()).as("%s's purse", f.code()).isNotNegative();
        }
        assertThat(log.records).noneMatch(AuctionEvent.BidRefused.class::isInstance);
        // The league's own ladder (+10 L below ₹2 Cr, +25 L from ₹2 Cr), not the IPL's (+20 L from ₹2 Cr).
        List<Integer> raisedFromTwoCrore = new ArrayList<>();
        Map<Integer, Integer> lastBid = new LinkedHashMap<>();
        for (AuctionEvent e : log.records) {
            if (e instanceof AuctionEvent.BidAccepted bid) {
                Integer before = lastBid.put(bid.lot(), bid.amount().value());
                if (before != null && before == 200) {
                    raisedFromTwoCrore.add(bid.amount().value());
                }
                if (before != null && before < 200) {
                    assertThat(bid.amount().value()).as("a raise below ₹2 Cr").isEqualTo(before + 10);
                }
            }
        }
        assertThat(raisedFromTwoCrore).isNotEmpty().containsOnly(225);

        // The log alone gives the same auction back: the file's rules, purses and retained squads replay.
        try (AuctionHouse rebuilt = house(log, clock, catalogues)) {
            rebuilt.recover();
            AuctionView again = rebuilt.view(code);
            assertThat(again.franchises()).isEqualTo(end.franchises());
            assertThat(again.progress()).isEqualTo(end.progress());
        }
    }

    private static AuctionHouse house(AuctionEventLog log, MutableClock clock, CatalogueRepository catalogues) {
        return new AuctionHouse(
                log,
                clock,
                catalogues,
                List.of(),
                new AuctionHouse.Settings(
                        WINDOW,
                        WINDOW,
                        WINDOW,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(5),
                        Duration.ofSeconds(30),
                        AuctionHouse.Settings.DEFAULT_FINISHED_KEPT));
    }
}
