package dev.iplauction.reports.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.reports.SampleAuction;
import dev.iplauction.reports.replay.Timeline.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample auction told lot by lot: every bid, decision and reason in its lot, in time order. */
class TimelineBuilderTests {

    private final Timeline timeline =
            TimelineBuilder.build("TEST01", null, SampleAuction.recorded(SampleAuction.events("TEST01")));

    @Test
    void lotByLotWithTheirOutcomes() {
        assertThat(timeline.name()).isEqualTo("Sample auction");
        assertThat(timeline.franchises()).extracting(Timeline.Seat::franchise).containsExactly("CSK", "MI", "RCB");
        assertThat(timeline.franchises()).extracting(Timeline.Seat::purseLakh).containsExactly(1000, 1000, 800);
        assertThat(timeline.lots())
                .extracting(l -> l.lot() + " " + l.playerName() + " " + l.outcome() + " " + l.franchise())
                .containsExactly(
                        "1 Arjun Bat SOLD CSK",
                        "2 Ollie Seam UNSOLD null",
                        "3 Ravi Allround SOLD RCB",
                        "4 Kiran Gloves SOLD RCB",
                        "5 Ollie Seam SOLD MI");
    }

    @Test
    void theFirstLotFromOpeningToSaleWithEveryBidDecisionAndReason() {
        List<Entry> lot1 = timeline.lots().getFirst().entries();
        assertThat(lot1.getFirst().kind()).isEqualTo("opened");
        assertThat(lot1)
                .filteredOn(e -> e.kind().equals("sold"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.franchise()).isEqualTo("CSK");
                    assertThat(e.amountLakh()).isEqualTo(240);
                });
        assertThat(lot1).extracting(Entry::at).isSorted();
        assertThat(lot1)
                .filteredOn(e -> e.kind().equals("bid-refused"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.franchise()).isEqualTo("MI");
                    assertThat(e.detail()).isEqualTo("stale: the next bid is 220");
                });
        assertThat(lot1)
                .filteredOn(e -> e.kind().equals("decision") && "CSK".equals(e.franchise()))
                .singleElement()
                .extracting(Entry::detail)
                .isEqualTo("BID (RULES, 10 ms): reason 1");
        assertThat(lot1).filteredOn(e -> e.kind().equals("bid-accepted")).hasSize(3);
        assertThat(lot1).filteredOn(e -> e.kind().equals("bid-placed")).hasSize(4);
        assertThat(lot1).filteredOn(e -> e.kind().equals("llm-call")).hasSize(2);
    }

    @Test
    void rightToMatchStepsAndOrchestratorEvents() {
        assertThat(timeline.lots().get(2).entries())
                .extracting(Entry::kind)
                .contains("rtm-offered", "rtm-matched", "rtm-raised", "sold");
        assertThat(timeline.between())
                .extracting(Entry::kind)
                .contains(
                        "created", "seat-claimed", "started", "seat-restart-failed", "accelerated-round", "completed");
    }

    @Test
    void fromATimeLeavesOutWhatCameBefore() {
        var all = SampleAuction.recorded(SampleAuction.events("TEST01"));
        var later = all.stream()
                .filter(r -> r.at().isAfter(SampleAuction.T0.plusSeconds(12)))
                .toList();
        Timeline partial = TimelineBuilder.build("TEST01", SampleAuction.T0.plusSeconds(12), later);
        assertThat(partial.lots()).extracting(Timeline.Lot::lot).containsExactly(3, 4, 5);
    }
}
