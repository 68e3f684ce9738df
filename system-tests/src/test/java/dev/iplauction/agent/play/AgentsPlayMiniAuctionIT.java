package dev.iplauction.agent.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The IPL 2026 mini auction, shortened to its first five sets (BA1, AL1, WK1, FA1, SP1: list serials 1–34, 25 of them
 * overseas) and a short clock, played to the end by nine agents in Chromium against the house as its own process on a
 * real broker; RCB's seat is empty. The franchises arrive with their retained squads and their own purses (MI ₹2.75 Cr,
 * KKR ₹64.3 Cr), so a shortened auction cannot fill them, but every squad must end within its maximum and overseas
 * limit, and no agent may try a bid the rules refuse.
 */
class AgentsPlayMiniAuctionIT {

    private static final Franchise EMPTY_SEAT = Franchise.RCB;
    private static final Set<Franchise> AGENTS = EnumSet.complementOf(EnumSet.of(EMPTY_SEAT));

    /** The retained squads of ipl2026.json, which the auction starts from. */
    private static final Map<Franchise, Integer> RETAINED = Map.of(
            Franchise.CSK, 16,
            Franchise.DC, 17,
            Franchise.GT, 20,
            Franchise.KKR, 12,
            Franchise.LSG, 19,
            Franchise.MI, 20,
            Franchise.PBKS, 21,
            Franchise.RCB, 17,
            Franchise.RR, 16,
            Franchise.SRH, 15);

    private static Arena arena;

    @BeforeAll
    static void openTheArena() {
        arena = Arena.open("mini-auction");
    }

    @AfterAll
    static void closeTheArena() {
        if (arena != null) {
            arena.close();
        }
    }

    @Test
    void nineAgentsPlayTheFirstSetsOfThe2026AuctionToTheEndWithinEverySquadsLimits() {
        AuctionHouseProcess house = arena.house();
        String ids = IntStream.rangeClosed(1, 34).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        AuctionHouseProcess.Auction auction = house.createAuction("""
                {"catalogue":"ipl2026","seed":2026,"bidWindowMillis":2000,"acceleratedWindowMillis":1500,
                 "rtmWindowMillis":1200,"playerIds":[%s]}""".formatted(ids));
        JsonNode before = house.state(auction.code());
        for (JsonNode f : before.get("franchises")) {
            Franchise franchise = Franchise.fromCode(f.get("code").asString()).orElseThrow();
            assertThat(f.get("squadSize").asInt())
                    .as("%s arrives with its retained squad", franchise)
                    .isEqualTo(RETAINED.get(franchise));
        }
        try (ConfigurableApplicationContext agents =
                arena.startAgents(auction.code(), Duration.ofSeconds(1), "--agent.skip-teams=" + EMPTY_SEAT.code())) {
            arena.awaitSeatsReady(auction.code(), AGENTS);
            house.start(auction);
            await().atMost(Duration.ofMinutes(15))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> "COMPLETED"
                            .equals(house.state(auction.code()).get("phase").asString()));
            arena.awaitSeatsIn(auction.code(), AGENTS, SeatState.FINISHED);
        }

        arena.printSummary(auction.code());
        JsonNode state = house.state(auction.code());
        int maxSquad = state.at("/rules/maxSquad").asInt();
        int maxOverseas = state.at("/rules/maxOverseas").asInt();
        int bought = 0;
        for (JsonNode f : state.get("franchises")) {
            Franchise franchise = Franchise.fromCode(f.get("code").asString()).orElseThrow();
            int squad = f.get("squadSize").asInt();
            assertThat(squad).as("%s's squad", franchise).isLessThanOrEqualTo(maxSquad);
            assertThat(f.get("overseasCount").asInt())
                    .as("%s's overseas", franchise)
                    .isLessThanOrEqualTo(maxOverseas);
            assertThat(f.get("purse").asInt()).as("%s's purse", franchise).isGreaterThanOrEqualTo(0);
            assertThat(f.get("rtmCards").asInt())
                    .as("no right to match in 2026")
                    .isZero();
            if (franchise == EMPTY_SEAT) {
                assertThat(squad).as("the empty seat buys nobody").isEqualTo(RETAINED.get(franchise));
            }
            bought += squad - RETAINED.get(franchise);
        }
        assertThat(bought).as("players the agents bought").isPositive();

        List<AuctionEvent> events = arena.auctionEvents(auction.code());
        assertThat(events.stream()
                        .filter(AuctionEvent.BidRefused.class::isInstance)
                        .map(e -> ((AuctionEvent.BidRefused) e).reason())
                        .collect(Collectors.toSet()))
                .as("the only refusals are races between agents, never a bid against the rules")
                .isSubsetOf(RefusalReason.STALE, RefusalReason.LOT_CLOSED);
        assertThat(events).noneMatch(AuctionEvent.RtmOffered.class::isInstance);
        List<BidPlaced> bids = arena.bids(auction.code());
        assertThat(bids)
                .as("no agent ever attempts a bid that breaks its purse reserve or squad limits")
                .noneMatch(b -> Set.of("purse", "squad-full", "overseas-limit", "not-your-seat")
                        .contains(String.valueOf(b.reason())));
    }
}
