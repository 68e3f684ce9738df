package dev.iplauction.agent.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The whole thing, for real: the auction house as its own process, a real Kafka broker, and agent-service instances,
 * each playing nine franchises through nine browser contexts in one Chromium, from the lobby to the end of an auction.
 * RCB's seat is left empty, as a person's would be. log-service and report-service run beside the house, as their own
 * processes on the same broker, and must agree with it afterwards.
 *
 * <p>Three auctions play in one house at once: a whole quick auction; the first sets of the 2026 mini auction; and a
 * quick auction whose seats move between two agent instances when one stops. Each has its own agent instances in their
 * own consumer group. Their time goes on the agents' work per bid, not on the clocks (side by side they took about as
 * long as one after the other), so each auction is kept small. Nothing in them waits on a wall-clock deadline: each
 * waits for the auction's phase and the seats' heartbeats, with ceilings sized for a loaded 2-core machine.
 */
// The longest auction starts first.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentsPlayAuctionIT {

    private static final Franchise EMPTY_SEAT = Franchise.RCB;
    private static final Set<Franchise> AGENTS = EnumSet.complementOf(EnumSet.of(EMPTY_SEAT));
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    /** The retained squads of ipl2026.json, which the mini auction starts from. */
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
    /** The rest of the system, as its own processes on the same broker: the combined log and the reports. */
    private static AuctionHouseProcess logService;

    private static AuctionHouseProcess reportService;
    private static Path logDir;
    private static Path reportDir;

    @BeforeAll
    static void openTheArena() throws IOException {
        arena = Arena.open("agents-play");
        logDir = Files.createTempDirectory("agents-play-logs");
        reportDir = Files.createTempDirectory("agents-play-reports");
        logService = AuctionHouseProcess.builder(arena.bootstrapServers())
                .jar("log-service.jar")
                .name("log-service")
                .env("LOGS_DIR", logDir.toString())
                .start();
        reportService = AuctionHouseProcess.builder(arena.bootstrapServers())
                .jar("report-service.jar")
                .name("report-service")
                .env("REPORTS_DIR", reportDir.toString())
                .env("REPORTS_STATE_DIR", reportDir.resolve("state").toString())
                .env("REPORTS_SETTLE", "1s")
                .start();
    }

    @AfterAll
    static void closeTheArena() {
        for (AutoCloseable service : new AutoCloseable[] {reportService, logService, arena}) {
            try {
                if (service != null) {
                    service.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + service + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.CONCURRENT)
    void nineAgentsPlayAQuickAuctionToTheEndWithinTheRules() {
        AuctionHouseProcess house = arena.house();
        // A 2 s clock: short enough for a quick run, long enough that a loaded CI machine does not let lots lapse.
        // A ₹20 Cr purse instead of the catalogue's ₹40 Cr: prices, and so the bids, fall by more than half (the
        // simulation of this seed: 577 bids instead of 1,389); the agents' CPU per bid is where this test's time goes.
        AuctionHouseProcess.Auction auction = house.createAuction("""
                {"catalogue":"quick","seed":2025,"purseLakh":2000,"bidWindowMillis":2000,
                 "acceleratedWindowMillis":1500,"rtmWindowMillis":1200}""");
        Instant started = playToTheEnd(auction);

        arena.printSummary(auction.code());
        JsonNode state = house.state(auction.code());
        int minSquad = state.at("/rules/minSquad").asInt();
        int maxSquad = state.at("/rules/maxSquad").asInt();
        int maxOverseas = state.at("/rules/maxOverseas").asInt();
        for (JsonNode f : state.get("franchises")) {
            Franchise franchise = Franchise.fromCode(f.get("code").asString()).orElseThrow();
            int squad = f.get("squadSize").asInt();
            if (AGENTS.contains(franchise)) {
                assertThat(squad).as("%s's squad", franchise).isBetween(minSquad, maxSquad);
                assertThat(f.get("overseasCount").asInt())
                        .as("%s's overseas", franchise)
                        .isLessThanOrEqualTo(maxOverseas);
                assertThat(f.get("purse").asInt()).as("%s's purse", franchise).isGreaterThanOrEqualTo(0);
            } else {
                assertThat(squad).as("the empty seat buys nobody").isZero();
            }
        }

        List<AuctionEvent> events = arena.auctionEvents(auction.code());
        assertThat(racesOnly(events))
                .as("the only refusals are races between agents, never a bid against the rules")
                .isTrue();
        assertThat(events.stream().filter(AuctionEvent.BidAccepted.class::isInstance))
                .as("the agents bid")
                .hasSizeGreaterThan(20);

        List<Integer> lots = events.stream()
                .filter(AuctionEvent.LotOpened.class::isInstance)
                .map(e -> ((AuctionEvent.LotOpened) e).lot())
                .toList();
        List<DecisionMade> decisions = arena.decisions(auction.code());
        Map<Integer, Set<Franchise>> decidedBy = decisions.stream()
                .collect(Collectors.groupingBy(
                        DecisionMade::lot, Collectors.mapping(DecisionMade::franchise, Collectors.toSet())));
        for (int lot : lots) {
            assertThat(decidedBy.get(lot)).as("who decided on lot %d", lot).isEqualTo(AGENTS);
        }
        assertThat(decisions).allMatch(d -> d.source() == DecisionEvent.Source.RULES);

        List<BidPlaced> bids = arena.bids(auction.code());
        Set<Integer> raisedAfterMatch = events.stream()
                .filter(AuctionEvent.RtmRaised.class::isInstance)
                .map(e -> ((AuctionEvent.RtmRaised) e).lot())
                .collect(Collectors.toSet());
        for (AuctionEvent e : events) {
            // A player sold at a raise after a match went for the raise, not for a bid.
            if (e instanceof AuctionEvent.LotSold sold
                    && !sold.rightToMatch()
                    && !raisedAfterMatch.contains(sold.lot())) {
                assertThat(bids)
                        .as("the agents' record of the winning bid on lot %d", sold.lot())
                        .anyMatch(b -> b.lot() == sold.lot()
                                && b.franchise() == sold.franchise()
                                && b.amount().equals(sold.price())
                                && b.outcome() == BidEvent.Outcome.ACCEPTED);
            }
        }
        assertThat(bids)
                .as("no agent ever attempts a bid that breaks its purse reserve or squad limits")
                .noneMatch(b -> Set.of("purse", "squad-full", "overseas-limit", "not-your-seat")
                        .contains(String.valueOf(b.reason())));

        List<Heartbeat> beats = arena.heartbeats(auction.code());
        for (Franchise franchise : AGENTS) {
            List<Instant> times = beats.stream()
                    .filter(h -> h.franchise() == franchise)
                    .map(Heartbeat::at)
                    .sorted()
                    .toList();
            assertThat(times).as("%s's heartbeats", franchise).isNotEmpty();
            assertThat(times.getFirst()).as("%s's first heartbeat", franchise).isBefore(started);
            // The orchestrator calls a seat stale after 15 heartbeat intervals of silence (its default); a gap that
            // long would have cost a restart. A loaded CI machine stalls threads for seconds, so nothing tighter.
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i)))
                        .as("gap in %s's heartbeats", franchise)
                        .isLessThan(HEARTBEAT.multipliedBy(15));
            }
        }
        assertThat(beats).noneMatch(h -> h.franchise() == EMPTY_SEAT);

        theReportAgreesWithTheAuctionHouse(auction.code(), state, events);
        theCombinedLogHasEveryServiceAndSeat();
    }

    /**
     * The IPL 2026 mini auction, shortened to its first five sets (BA1, AL1, WK1, FA1, SP1: list serials 1–34, 25 of
     * them overseas). The franchises arrive with their retained squads and their own purses (MI ₹2.75 Cr, KKR ₹64.3
     * Cr), so a shortened auction cannot fill them, but every squad must end within its maximum and overseas limit, and
     * no agent may try a bid the rules refuse.
     */
    @Test
    @Order(2)
    @Execution(ExecutionMode.CONCURRENT)
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
        playToTheEnd(auction);

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
        assertThat(racesOnly(events))
                .as("the only refusals are races between agents, never a bid against the rules")
                .isTrue();
        assertThat(events).noneMatch(AuctionEvent.RtmOffered.class::isInstance);
        List<BidPlaced> bids = arena.bids(auction.code());
        assertThat(bids)
                .as("no agent ever attempts a bid that breaks its purse reserve or squad limits")
                .noneMatch(b -> Set.of("purse", "squad-full", "overseas-limit", "not-your-seat")
                        .contains(String.valueOf(b.reason())));
    }

    /**
     * Two agent instances in one consumer group share the nine seats; when one stops mid-auction its seats move to the
     * other, which re-takes them with the same tokens (never "seat taken") and plays on. The host ends the auction
     * once that is shown.
     */
    @Test
    @Order(3)
    @Execution(ExecutionMode.CONCURRENT)
    void theSeatsOfAStoppedInstanceMoveToTheOtherWhichRetakesThemAndPlaysOn() {
        AuctionHouseProcess house = arena.house();
        AuctionHouseProcess.Auction auction = house.createAuction("""
                {"catalogue":"quick","seed":7,"bidWindowMillis":2000,"acceleratedWindowMillis":1500,
                 "rtmWindowMillis":1200}""");
        String code = auction.code();
        ConfigurableApplicationContext first = startInGroup(code, "agent-a");
        try (ConfigurableApplicationContext second = startInGroup(code, "agent-b")) {
            await().atMost(Arena.SEATING)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(Set.copyOf(
                                    holders(code, SeatState.WAITING_FOR_START).values()))
                            .as(() -> "the group spreads the waiting seats over both instances; each seat's last"
                                    + " heartbeat: " + arena.lastStates(code))
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

    /**
     * Whether every refused bid lost a race: to a rival's bid (stale), to the lot's clock (lot closed) or, on the last
     * lot, to the auction's end (not running, recorded after the auction completed). Prints any other refusal.
     */
    private static boolean racesOnly(List<AuctionEvent> events) {
        boolean completed = false;
        boolean racesOnly = true;
        for (AuctionEvent e : events) {
            if (e instanceof AuctionEvent.AuctionCompleted) {
                completed = true;
            } else if (e instanceof AuctionEvent.BidRefused refused) {
                boolean race = refused.reason() == RefusalReason.STALE
                        || refused.reason() == RefusalReason.LOT_CLOSED
                        || (refused.reason() == RefusalReason.NOT_RUNNING && completed);
                if (!race) {
                    System.out.println("not a race: " + refused);
                    racesOnly = false;
                }
            }
        }
        return racesOnly;
    }

    /**
     * Starts one agent instance for this auction (in a consumer group of its own, so that it takes all nine seats),
     * waits until every seat is ready, starts the auction and waits until it has completed and every seat has seen the
     * end (its heartbeats went on to the last lot and said so). Returns when the auction was started.
     */
    private static Instant playToTheEnd(AuctionHouseProcess.Auction auction) {
        AuctionHouseProcess house = arena.house();
        try (ConfigurableApplicationContext agents = arena.startAgents(
                auction.code(),
                HEARTBEAT,
                "--agent.group=agents-" + auction.code(),
                "--agent.skip-teams=" + EMPTY_SEAT.code())) {
            arena.awaitSeatsReady(auction.code(), AGENTS);
            assertThat(arena.seatsTaken(auction.code())).isEqualTo(AGENTS.size());
            Instant started = Instant.now();
            house.start(auction);
            await().atMost(Duration.ofMinutes(15))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> "COMPLETED"
                            .equals(house.state(auction.code()).get("phase").asString()));
            arena.awaitSeatsIn(auction.code(), AGENTS, SeatState.FINISHED);
            return started;
        }
    }

    /** report-service's report.json, once settled, says what the house says: lots sold and unsold, squads, purses. */
    private static void theReportAgreesWithTheAuctionHouse(String code, JsonNode house, List<AuctionEvent> events) {
        long sold =
                events.stream().filter(AuctionEvent.LotSold.class::isInstance).count();
        long unsold =
                events.stream().filter(AuctionEvent.LotUnsold.class::isInstance).count();
        Path json = reportDir.resolve(code).resolve("report.json");
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(json).exists();
                    JsonNode report = EventJson.mapper().readTree(Files.readString(json));
                    assertThat(report.at("/totals/sold").asLong()).isEqualTo(sold);
                    assertThat(report.at("/totals/unsold").asLong()).isEqualTo(unsold);
                    for (JsonNode f : house.get("franchises")) {
                        String franchise = f.get("code").asString();
                        JsonNode profile = null;
                        for (JsonNode p : report.get("franchises")) {
                            if (p.get("franchise").asString().equals(franchise)) {
                                profile = p;
                            }
                        }
                        assertThat(profile).as("%s in the report", franchise).isNotNull();
                        assertThat(profile.at("/squad/players").asInt())
                                .as("%s's squad in the report", franchise)
                                .isEqualTo(f.get("squadSize").asInt());
                        assertThat(profile.at("/purse/unspentLakh").asInt())
                                .as("%s's purse in the report", franchise)
                                .isEqualTo(f.get("purse").asInt());
                    }
                });
        assertThat(reportDir.resolve(code).resolve("report.html")).exists();
        assertThat(reportDir.resolve(code).resolve("report.md")).exists();
    }

    /** log-service's combined.log holds the auction house's records and every agent seat's. */
    private static void theCombinedLogHasEveryServiceAndSeat() {
        Path combined = logDir.resolve("combined.log");
        Set<String> expected = new TreeSet<>(List.of("auction-service"));
        AGENTS.forEach(f -> expected.add(f.code()));
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(combined).exists();
                    Set<String> sources = new TreeSet<>();
                    try (var lines = Files.lines(combined)) {
                        lines.map(line -> EventJson.mapper()
                                        .readTree(line)
                                        .path("source")
                                        .asString())
                                .forEach(sources::add);
                    }
                    assertThat(sources).as("sources in combined.log").containsAll(expected);
                });
    }

    /** One of the two agent instances that share the seats of one auction in one consumer group. */
    private static ConfigurableApplicationContext startInGroup(String code, String instance) {
        return arena.startAgents(
                code,
                HEARTBEAT,
                "--agent.instance-id=" + instance,
                "--agent.group=agents-that-move-" + code,
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
