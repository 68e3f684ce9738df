package dev.iplauction.agent.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two agent instances in one consumer group share the nine seats; when one stops mid-auction its seats move to the
 * other, which re-takes them with the same tokens (never "seat taken") and plays on.
 */
class SeatsMoveBetweenInstancesIT {

    private static final Franchise EMPTY_SEAT = Franchise.RCB;
    private static final Set<Franchise> AGENTS = EnumSet.complementOf(EnumSet.of(EMPTY_SEAT));
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final String GROUP = "agents-that-move";

    private static Arena arena;

    @BeforeAll
    static void openTheArena() {
        arena = Arena.open("seats-move");
    }

    @AfterAll
    static void closeTheArena() {
        if (arena != null) {
            arena.close();
        }
    }

    @Test
    void theSeatsOfAStoppedInstanceMoveToTheOtherWhichRetakesThemAndPlaysOn() {
        AuctionHouseProcess house = arena.house();
        AuctionHouseProcess.Auction auction = house.createAuction("""
                {"catalogue":"quick","seed":7,"bidWindowMillis":2000,"acceleratedWindowMillis":1500,
                 "rtmWindowMillis":1200}""");
        String code = auction.code();
        ConfigurableApplicationContext first = start(code, "agent-a");
        try (ConfigurableApplicationContext second = start(code, "agent-b")) {
            await().atMost(Arena.SEATING)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(Set.copyOf(
                                    holders(code, SeatState.WAITING_FOR_START).values()))
                            .as("the group spreads the waiting seats over both instances")
                            .containsExactlyInAnyOrder("agent-a", "agent-b"));
            await().atMost(Arena.SEATING)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() ->
                            holders(code, SeatState.WAITING_FOR_START).keySet().containsAll(AGENTS));
            assertThat(arena.seatsTaken(code)).isEqualTo(AGENTS.size());

            house.start(auction);
            await().atMost(Arena.SEATING)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> arena.auctionEvents(code).stream()
                                    .filter(AuctionEvent.LotSold.class::isInstance)
                                    .count()
                            >= 3);
            Set<Franchise> moving = holders(code, SeatState.BIDDING).entrySet().stream()
                    .filter(e -> e.getValue().equals("agent-a"))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(moving).as("seats agent-a plays when it stops").isNotEmpty();

            first.close();
            Instant stopped = Instant.now();

            await().atMost(Arena.SEATING)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(arena.heartbeats(code).stream()
                                    .filter(h -> h.at().isAfter(stopped)
                                            && h.instanceId().equals("agent-b")
                                            && h.state() == SeatState.BIDDING)
                                    .map(Heartbeat::franchise)
                                    .collect(Collectors.toSet()))
                            .as("agent-b plays the moved seats")
                            .containsAll(moving));
            await().atMost(Arena.SEATING)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(decidedAfter(code, stopped))
                            .as("every seat, moved or not, decides on lots opened after the move")
                            .containsAll(AGENTS));
            assertThat(arena.seatsTaken(code)).isEqualTo(AGENTS.size());
            house.host(auction, "end");
        } finally {
            first.close();
        }

        arena.printSummary(code);
        assertThat(arena.auctionEvents(code).stream()
                        .filter(AuctionEvent.BidRefused.class::isInstance)
                        .map(e -> ((AuctionEvent.BidRefused) e).reason()))
                .as("no bid refused for a seat the instance did not hold")
                .doesNotContain(RefusalReason.NOT_YOUR_SEAT);
        assertThat(arena.heartbeats(code)).noneMatch(h -> h.franchise() == EMPTY_SEAT);
    }

    private static ConfigurableApplicationContext start(String code, String instance) {
        return arena.startAgents(
                code,
                HEARTBEAT,
                "--agent.instance-id=" + instance,
                "--agent.group=" + GROUP,
                "--agent.skip-teams=" + EMPTY_SEAT.code());
    }

    /** Which instance last reported each seat in this state. */
    private static Map<Franchise, String> holders(String code, SeatState state) {
        return arena.heartbeats(code).stream()
                .filter(h -> h.state() == state)
                .collect(Collectors.groupingBy(
                        Heartbeat::franchise,
                        Collectors.collectingAndThen(
                                Collectors.maxBy(Comparator.comparing(Heartbeat::at)),
                                h -> h.orElseThrow().instanceId())));
    }

    /** The franchises that decided on a lot that opened after this moment. */
    private static Set<Franchise> decidedAfter(String code, Instant moment) {
        Set<Integer> lotsAfter = arena.auctionEvents(code).stream()
                .filter(e -> e instanceof AuctionEvent.LotOpened && e.at().isAfter(moment))
                .map(e -> ((AuctionEvent.LotOpened) e).lot())
                .collect(Collectors.toSet());
        return arena.decisions(code).stream()
                .filter(d -> lotsAfter.contains(d.lot()))
                .map(DecisionMade::franchise)
                .collect(Collectors.toSet());
    }
}
