package dev.iplauction.auction.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.HeartbeatEvent.Advisor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableNotesTests {

    private static final String CODE = "TBL123";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Player PLAYER = new Player(
            "7", "Jos Buttler", "England", true, Role.WICKETKEEPER, true, "M1", Lakh.of(200), null, 34, null, null);

    private final TableNotes notes = new TableNotes();
    private final List<TableView> heard = new ArrayList<>();

    {
        notes.listen(heard::add);
    }

    @Test
    void maximaAndReasonsStayHiddenUntilTheHammerThenShow() {
        notes.changed(view("RUNNING", 1, null, null));
        notes.decision(decision(Franchise.CSK, 1, Choice.BID, 450, Source.LLM, "needs a keeper"));
        notes.decision(decision(Franchise.MI, 1, Choice.PASS, null, Source.RULES, "overseas slots full"));

        TableView during = notes.view(CODE).orElseThrow();
        assertThat(during.lot()).isEqualTo(1);
        assertThat(during.intents())
                .containsExactly(new TableView.Intent("CSK", true), new TableView.Intent("MI", false));
        assertThat(during.revealed()).isEmpty();
        assertThat(EventJson.mapper().writeValueAsString(during))
                .as("nothing of a maximum or a reason while the lot is open")
                .doesNotContain("450", "needs a keeper", "overseas slots");

        notes.changed(view("RUNNING", 2, null, null));
        TableView after = notes.view(CODE).orElseThrow();
        assertThat(after.intents()).isEmpty();
        assertThat(after.revealed()).hasSize(1);
        TableView.LotDecisions lot = after.revealed().getFirst();
        assertThat(lot.lot()).isEqualTo(1);
        assertThat(lot.playerName()).isEqualTo("Jos Buttler");
        assertThat(lot.decisions())
                .extracting(TableView.Decision::franchise, TableView.Decision::maxBid, TableView.Decision::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CSK", 450, "LLM"),
                        org.assertj.core.groups.Tuple.tuple("MI", null, "RULES"));
        assertThat(lot.decisions().getFirst().sourceText()).isEqualTo("the LLM's advice");
        assertThat(heard).isNotEmpty();
    }

    @Test
    void theAdviceIsWarmingUpWhileAnAgentSaysSoUntilTheLlmAdvisesIt() {
        notes.agentSeated(CODE, Franchise.MI, null);
        assertThat(notes.view(CODE).orElseThrow().adviceWarmingUp())
                .as("an agent that says nothing about its LLM")
                .isFalse();

        notes.agentSeated(CODE, Franchise.CSK, Advisor.WARMING_UP);
        notes.agentSeated(CODE, Franchise.MI, Advisor.OFF);
        assertThat(notes.view(CODE).orElseThrow().adviceWarmingUp()).isTrue();
        assertThat(heard.getLast().adviceWarmingUp()).as("the room heard it").isTrue();

        notes.decision(decision(Franchise.CSK, 1, Choice.BID, 300, Source.FALLBACK, "rules [LLM model missing]"));
        assertThat(notes.view(CODE).orElseThrow().adviceWarmingUp())
                .as("the rules decided meanwhile")
                .isTrue();
        notes.agentSeated(CODE, Franchise.CSK, null);
        assertThat(notes.view(CODE).orElseThrow().adviceWarmingUp())
                .as("a heartbeat that says nothing changes nothing")
                .isTrue();

        notes.decision(decision(Franchise.CSK, 2, Choice.BID, 300, Source.LLM, "the LLM's pick"));
        assertThat(notes.view(CODE).orElseThrow().adviceWarmingUp())
                .as("advice flows")
                .isFalse();
        assertThat(heard.getLast().adviceWarmingUp()).isFalse();

        notes.agentSeated(CODE, Franchise.CSK, Advisor.WARMING_UP);
        notes.agentSeated(CODE, Franchise.CSK, Advisor.READY);
        assertThat(notes.view(CODE).orElseThrow().adviceWarmingUp()).isFalse();
    }

    @Test
    void withTheLlmDisabledNothingIsWarmingUp() {
        notes.agentSeated(CODE, Franchise.CSK, Advisor.OFF);
        notes.decision(decision(Franchise.CSK, 1, Choice.BID, 300, Source.RULES, "rules"));

        assertThat(notes.view(CODE).orElseThrow().adviceWarmingUp()).isFalse();
    }

    @Test
    void theLadderHasEachAcceptedBidOfTheLotMarkedAiOrPerson() {
        notes.agentSeated(CODE, Franchise.CSK);
        notes.changed(view("RUNNING", 3, null, null));
        notes.changed(view("RUNNING", 3, 200, "CSK"));
        notes.changed(view("RUNNING", 3, 200, "CSK")); // the same view again: no new rung
        notes.changed(view("RUNNING", 3, 220, "RCB"));

        TableView table = notes.view(CODE).orElseThrow();
        assertThat(table.ladderLot()).isEqualTo(3);
        assertThat(table.ladder())
                .extracting(TableView.Rung::franchise, TableView.Rung::amount, TableView.Rung::ai)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CSK", 200, true),
                        org.assertj.core.groups.Tuple.tuple("RCB", 220, false));
        assertThat(table.ai()).containsExactly("CSK");

        notes.changed(view("RUNNING", 4, null, null));
        assertThat(notes.view(CODE).orElseThrow().ladder())
                .as("a new lot, a new ladder")
                .isEmpty();
    }

    @Test
    void everythingIsBoundedAndAnAuctionsNotesGoWhenItCompletes() {
        for (int lot = 1; lot <= 30; lot++) {
            notes.decision(decision(Franchise.CSK, lot, Choice.BID, 100, Source.RULES, "r"));
        }
        notes.changed(view("RUNNING", 31, null, null));
        assertThat(notes.view(CODE).orElseThrow().revealed()).hasSize(TableNotes.LOTS_KEPT);
        for (int bid = 0; bid < 100; bid++) {
            notes.changed(view("RUNNING", 31, 100 + bid, bid % 2 == 0 ? "CSK" : "MI"));
        }
        assertThat(notes.view(CODE).orElseThrow().ladder()).hasSize(TableNotes.RUNGS);

        notes.changed(view("COMPLETED", 0, null, null));
        assertThat(heard.getLast().revealed())
                .as("the last word reveals every lot")
                .isNotEmpty();
        assertThat(notes.view(CODE)).isEmpty();
        notes.decision(decision(Franchise.CSK, 31, Choice.BID, 100, Source.RULES, "late"));
        assertThat(notes.view(CODE))
                .as("a straggler does not bring a finished auction back")
                .isEmpty();

        for (int i = 0; i < TableNotes.MAX_AUCTIONS + 50; i++) {
            notes.agentSeated(String.format("A%05d", i), Franchise.MI);
        }
        assertThat(notes.auctions()).isEqualTo(TableNotes.MAX_AUCTIONS);
    }

    @Test
    void aReasonIsOneLineOfBoundedLength() {
        assertThat(TableNotes.oneLine("a\n\n  b\tc")).isEqualTo("a b c");
        assertThat(TableNotes.oneLine("x".repeat(1000))).hasSize(TableNotes.REASON_CHARS);
        assertThat(TableNotes.oneLine(null)).isEmpty();
    }

    @Test
    void refusesARecordTheRoomCannotShowSayingWhy() {
        assertThatThrownBy(() -> notes.decision(decision(Franchise.CSK, 0, Choice.BID, 100, Source.RULES, "r")))
                .hasMessageContaining("lot 0");
        assertThatThrownBy(() -> notes.decision(new DecisionMade(
                        "nope",
                        Franchise.CSK,
                        NOW,
                        1,
                        "7",
                        "J",
                        Choice.BID,
                        Lakh.of(1),
                        Lakh.of(1),
                        Source.RULES,
                        "",
                        1)))
                .hasMessageContaining("auctionCode");
        assertThatThrownBy(() -> notes.decision(new DecisionMade(
                        CODE, Franchise.CSK, NOW, 1, "7", "J", null, Lakh.of(1), Lakh.of(1), Source.RULES, "", 1)))
                .hasMessageContaining("choice");
    }

    @Test
    void theRelaySkipsWhatItCannotReadAndCarriesOn() {
        DecisionRelay relay = new DecisionRelay(notes);
        relay.accept("agent.decisions", "not json");
        relay.accept("agent.decisions", "{\"type\":\"Unknown\"}");
        relay.accept("agent.decisions", "");
        relay.accept("agent.heartbeats", "{\"type\":\"Heartbeat\",\"auctionCode\":\"??\"}");
        assertThat(relay.skipped()).isEqualTo(4);
        relay.accept(
                "agent.decisions",
                EventJson.mapper()
                        .writeValueAsString(decision(Franchise.GT, 1, Choice.BID, 300, Source.FALLBACK, "timed out")));
        assertThat(notes.view(CODE).orElseThrow().ai()).containsExactly("GT");
        assertThat(relay.skipped()).isEqualTo(4);
    }

    private static DecisionMade decision(Franchise f, int lot, Choice choice, Integer max, Source source, String why) {
        return new DecisionMade(
                CODE,
                f,
                NOW,
                lot,
                PLAYER.id(),
                PLAYER.name(),
                choice,
                max == null ? null : Lakh.of(max),
                max == null ? null : Lakh.of(max),
                source,
                why,
                12);
    }

    private static AuctionView view(String phase, int lot, Integer bid, String leader) {
        AuctionView.LotView lotView = lot == 0
                ? null
                : new AuctionView.LotView(
                        lot,
                        "BIDDING",
                        PLAYER,
                        200,
                        "₹2 Cr",
                        bid,
                        bid == null ? null : Lakh.of(bid).display(),
                        leader,
                        bid == null ? 200 : bid + 10,
                        "",
                        NOW.plusSeconds(5),
                        5000,
                        null,
                        0);
        return new AuctionView(
                CODE,
                "Test",
                phase,
                "MAIN",
                1,
                NOW,
                new AuctionView.Rules(4, 8, 3, 20, 2000, 1500, 1200),
                lotView,
                List.of(),
                List.of(),
                new AuctionView.Progress(0, 10, 0, 0),
                null);
    }
}
