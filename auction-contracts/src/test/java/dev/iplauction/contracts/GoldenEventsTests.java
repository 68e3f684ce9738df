package dev.iplauction.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.contracts.agent.AgentCommand;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.LlmCallEvent;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCompleted;
import dev.iplauction.contracts.auction.AuctionEvent.CompletionReason;
import dev.iplauction.contracts.auction.AuctionEvent.FranchiseResult;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.Round;
import dev.iplauction.contracts.auction.SquadPlayer;
import dev.iplauction.contracts.logging.LogEvent;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pins the wire shape of every event to a golden JSON file in {@code src/test/resources/golden}. A change that fails
 * here changes what other services read: make it a new field (readers ignore unknown ones) or a new type name.
 *
 * <p>To write the files after a deliberate change: {@code ./mvnw -pl auction-contracts test -Dgolden.write=true}.
 */
class GoldenEventsTests {

    private static final JsonMapper JSON = EventJson.mapper();
    private static final Instant AT = Instant.parse("2024-11-24T10:15:30.250Z");
    private static final String CODE = "ABCD23";

    record Golden(String file, Class<?> type, Object sample) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final Player KOHLI = new Player(
            "R-RCB-1",
            "Virat Kohli",
            "India",
            false,
            Role.BATTER,
            true,
            "Retained",
            Lakh.of(2100),
            Franchise.RCB,
            36,
            "RHB",
            null);
    static final Player BUTTLER = new Player(
            "1",
            "Jos Buttler",
            "England",
            true,
            Role.WICKETKEEPER,
            true,
            "M1",
            Lakh.of(200),
            Franchise.RR,
            34,
            "RHB",
            null);

    static Stream<Golden> events() {
        var setup = new AuctionSetup(
                "Quick auction",
                List.of(BUTTLER),
                List.of(new FranchiseSetup(
                        Franchise.RCB,
                        Lakh.of(8300),
                        3,
                        List.of(new SquadPlayer(KOHLI, Lakh.of(2100), SquadPlayer.Acquisition.RETAINED)))),
                SquadRules.IPL,
                10_000,
                5_000,
                5_000,
                42);
        return Stream.of(
                new Golden(
                        "auction/AuctionCreated.json",
                        AuctionEvent.class,
                        new AuctionEvent.AuctionCreated(CODE, 1, AT, setup, "9f86d081")),
                new Golden(
                        "auction/SeatClaimed.json",
                        AuctionEvent.class,
                        new AuctionEvent.SeatClaimed(CODE, 2, AT, Franchise.MI, "60303ae2")),
                new Golden(
                        "auction/SeatReleased.json",
                        AuctionEvent.class,
                        new AuctionEvent.SeatReleased(CODE, 3, AT, Franchise.MI)),
                new Golden(
                        "auction/AuctionStarted.json",
                        AuctionEvent.class,
                        new AuctionEvent.AuctionStarted(CODE, 4, AT)),
                new Golden(
                        "auction/LotOpened.json",
                        AuctionEvent.class,
                        new AuctionEvent.LotOpened(CODE, 5, AT, 1, Round.MAIN, BUTTLER, AT.plusSeconds(10))),
                new Golden(
                        "auction/BidAccepted.json",
                        AuctionEvent.class,
                        new AuctionEvent.BidAccepted(
                                CODE, 6, AT, 1, "1", Franchise.GT, Lakh.of(200), AT.plusSeconds(10))),
                new Golden(
                        "auction/BidRefused.json",
                        AuctionEvent.class,
                        new AuctionEvent.BidRefused(
                                CODE, 7, AT, 1, Franchise.GT, Lakh.of(210), RefusalReason.HIGHEST_BIDDER, "GT holds")),
                new Golden(
                        "auction/RtmOffered.json",
                        AuctionEvent.class,
                        new AuctionEvent.RtmOffered(
                                CODE, 8, AT, 1, "1", Franchise.RR, Franchise.GT, Lakh.of(1575), AT.plusSeconds(5))),
                new Golden(
                        "auction/RtmMatched.json",
                        AuctionEvent.class,
                        new AuctionEvent.RtmMatched(CODE, 9, AT, 1, Franchise.RR, Lakh.of(1575), AT.plusSeconds(5))),
                new Golden(
                        "auction/RtmRaised.json",
                        AuctionEvent.class,
                        new AuctionEvent.RtmRaised(CODE, 10, AT, 1, Franchise.GT, Lakh.of(1800), AT.plusSeconds(5))),
                new Golden(
                        "auction/RtmDeclined.json",
                        AuctionEvent.class,
                        new AuctionEvent.RtmDeclined(CODE, 11, AT, 1, Franchise.RR)),
                new Golden(
                        "auction/LotSold.json",
                        AuctionEvent.class,
                        new AuctionEvent.LotSold(CODE, 12, AT, 1, BUTTLER, Franchise.GT, Lakh.of(1575), false)),
                new Golden(
                        "auction/LotUnsold.json",
                        AuctionEvent.class,
                        new AuctionEvent.LotUnsold(CODE, 13, AT, 2, BUTTLER, false)),
                new Golden(
                        "auction/LotClockRestarted.json",
                        AuctionEvent.class,
                        new AuctionEvent.LotClockRestarted(CODE, 14, AT, 3, AT.plusSeconds(10))),
                new Golden(
                        "auction/AuctionPaused.json", AuctionEvent.class, new AuctionEvent.AuctionPaused(CODE, 15, AT)),
                new Golden(
                        "auction/AuctionResumed.json",
                        AuctionEvent.class,
                        new AuctionEvent.AuctionResumed(CODE, 16, AT, AT.plusSeconds(4))),
                new Golden(
                        "auction/AcceleratedRoundStarted.json",
                        AuctionEvent.class,
                        new AuctionEvent.AcceleratedRoundStarted(CODE, 17, AT, List.of("1", "2"))),
                new Golden(
                        "auction/AuctionCompleted.json",
                        AuctionEvent.class,
                        new AuctionCompleted(
                                CODE,
                                18,
                                AT,
                                CompletionReason.ALL_LOTS_DONE,
                                List.of(new FranchiseResult(
                                        Franchise.GT,
                                        Lakh.of(5325),
                                        6,
                                        List.of(new SquadPlayer(
                                                BUTTLER, Lakh.of(1575), SquadPlayer.Acquisition.BOUGHT)))))),
                new Golden(
                        "agent/Heartbeat.json",
                        HeartbeatEvent.class,
                        new HeartbeatEvent.Heartbeat(
                                CODE,
                                Franchise.CSK,
                                AT,
                                "agent-1@3f2a",
                                "3f2a9c",
                                4711,
                                SeatState.BIDDING,
                                12,
                                HeartbeatEvent.Advisor.WARMING_UP)),
                new Golden(
                        "agent/DecisionMade.json",
                        DecisionEvent.class,
                        new DecisionEvent.DecisionMade(
                                CODE,
                                Franchise.CSK,
                                AT,
                                1,
                                "1",
                                "Jos Buttler",
                                DecisionEvent.Choice.BID,
                                Lakh.of(1400),
                                Lakh.of(1500),
                                DecisionEvent.Source.LLM,
                                "proven opener, keeper, overseas slot free",
                                212)),
                new Golden(
                        "agent/BidPlaced.json",
                        BidEvent.class,
                        new BidEvent.BidPlaced(
                                CODE, Franchise.CSK, AT, 1, "1", Lakh.of(220), BidEvent.Outcome.REJECTED, "stale", 84)),
                new Golden(
                        "agent/LlmCallCompleted.json",
                        LlmCallEvent.class,
                        new LlmCallEvent.LlmCallCompleted(
                                CODE,
                                Franchise.CSK,
                                AT,
                                "1",
                                "llama3.2:3b",
                                1834,
                                950,
                                LlmCallEvent.Outcome.TIMEOUT,
                                false)),
                new Golden(
                        "agent/RestartSeat.json",
                        AgentCommand.class,
                        new AgentCommand.RestartSeat(CODE, Franchise.CSK, AT, "agent-1@3f2a", "no heartbeat for 31 s")),
                new Golden(
                        "agent/StopSeat.json",
                        AgentCommand.class,
                        new AgentCommand.StopSeat(CODE, Franchise.CSK, AT, "agent-1@3f2a", "auction over")),
                new Golden(
                        "orchestrator/AgentStarted.json",
                        OrchestratorEvent.class,
                        new OrchestratorEvent.AgentStarted(CODE, Franchise.DC, AT, "agent-2@77aa")),
                new Golden(
                        "orchestrator/SeatUnhealthy.json",
                        OrchestratorEvent.class,
                        new OrchestratorEvent.SeatUnhealthy(
                                CODE, Franchise.DC, AT, "agent-2@77aa", 31_000, "no heartbeat")),
                new Golden(
                        "orchestrator/SeatRestarting.json",
                        OrchestratorEvent.class,
                        new OrchestratorEvent.SeatRestarting(
                                CODE, Franchise.DC, AT, "agent-2@77aa", RestartStep.SOFT, 1)),
                new Golden(
                        "orchestrator/SeatRestarted.json",
                        OrchestratorEvent.class,
                        new OrchestratorEvent.SeatRestarted(
                                CODE, Franchise.DC, AT, "agent-2@77aa", RestartStep.CONTAINER, 2)),
                new Golden(
                        "orchestrator/SeatRestartFailed.json",
                        OrchestratorEvent.class,
                        new OrchestratorEvent.SeatRestartFailed(
                                CODE, Franchise.DC, AT, "agent-2@77aa", 3, "container not found")),
                new Golden(
                        "orchestrator/SeatRecovered.json",
                        OrchestratorEvent.class,
                        new OrchestratorEvent.SeatRecovered(CODE, Franchise.DC, AT, "agent-2@88bb", 14_200)),
                new Golden(
                        "orchestrator/AgentStopped.json",
                        OrchestratorEvent.class,
                        new OrchestratorEvent.AgentStopped(CODE, Franchise.DC, AT, "agent-2@88bb", "SIGTERM")),
                new Golden(
                        "logging/LogRecorded.json",
                        LogEvent.class,
                        new LogEvent.LogRecorded(
                                CODE,
                                AT,
                                "INFO",
                                "auction-service",
                                "dev.iplauction.auction.bidding.BiddingService",
                                "bid.accepted",
                                "GT bid ₹2 Cr on lot 1",
                                Map.of("lot", "1", "franchise", "GT"))));
    }

    @Test
    void everyEventTypeHasAGoldenFile() {
        List<Class<?>> covered =
                events().<Class<?>>map(g -> g.sample().getClass()).toList();
        for (Class<?> iface : List.of(
                AuctionEvent.class,
                HeartbeatEvent.class,
                DecisionEvent.class,
                BidEvent.class,
                LlmCallEvent.class,
                AgentCommand.class,
                OrchestratorEvent.class,
                LogEvent.class)) {
            assertThat(covered)
                    .as("golden samples of %s", iface.getSimpleName())
                    .contains((Class<?>[]) iface.getPermittedSubclasses());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void writesExactlyTheGoldenShape(Golden golden) throws IOException {
        String written = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(golden.sample());
        if (Boolean.getBoolean("golden.write")) {
            Path file = Path.of("src/test/resources/golden", golden.file());
            Files.createDirectories(file.getParent());
            Files.writeString(file, written + "\n");
        }
        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(read(golden.file())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void readsTheGoldenFileBackToTheSameEvent(Golden golden) throws IOException {
        assertThat(JSON.readValue(read(golden.file()), golden.type())).isEqualTo(golden.sample());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void stillReadsTheGoldenFileWithAnUnknownFieldAdded(Golden golden) throws IOException {
        ObjectNode withExtra = (ObjectNode) JSON.readTree(read(golden.file()));
        withExtra.put("addedInALaterVersion", "ignored by older readers");
        assertThat(JSON.treeToValue(withExtra, golden.type())).isEqualTo(golden.sample());
    }

    @Test
    void readsAHeartbeatFromBeforeTheAdvisorFieldAsSayingNothingAboutIt() {
        String old = "{\"type\":\"Heartbeat\",\"auctionCode\":\"ABCD23\",\"franchise\":\"CSK\","
                + "\"at\":\"2024-11-24T10:15:30.250Z\",\"instanceId\":\"agent-1@3f2a\",\"host\":\"3f2a9c\","
                + "\"pid\":4711,\"state\":\"BIDDING\",\"seq\":12}";

        var beat = (HeartbeatEvent.Heartbeat) JSON.readValue(old, HeartbeatEvent.class);

        assertThat(beat.advisor()).isNull();
        assertThat(beat.seq()).isEqualTo(12);
        assertThat(JSON.writeValueAsString(beat))
                .as("written as an older agent wrote it")
                .doesNotContain("advisor");
    }

    @Test
    void refusesAnUnknownTypeName() {
        String json =
                "{\"type\":\"dev.iplauction.contracts.auction.AuctionEvent$AuctionStarted\",\"auctionCode\":\"X\"}";
        assertThatThrownBy(() -> JSON.readValue(json, AuctionEvent.class)).hasMessageContaining("type id");
    }

    @Test
    void writesLogicalTypeNamesNeverClassNames() throws IOException {
        JsonNode node = JSON.readTree(JSON.writeValueAsString(new AuctionEvent.AuctionStarted(CODE, 4, AT)));
        assertThat(node.get("type").asString()).isEqualTo("AuctionStarted");
        assertThat(node.get("at").asString()).isEqualTo("2024-11-24T10:15:30.250Z");
    }

    private static String read(String file) throws IOException {
        try (InputStream in = GoldenEventsTests.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
