package dev.iplauction.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.reports.SampleAuction;
import dev.iplauction.reports.analysis.AuctionReport.FranchisePerformance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The report's arithmetic on {@link SampleAuction}, whose answers were worked out by hand: counts, sources, nearest-rank
 * percentiles, spend and unspent purse, refusals by reason, heartbeat gaps, takeovers and restarts.
 */
class ReportBuilderTests {

    private static final String CODE = "TEST01";
    private final List<Recorded> events = SampleAuction.recorded(SampleAuction.events(CODE));
    private final AuctionReport report = ReportBuilder.build(CODE, events);

    private FranchisePerformance franchise(String code) {
        return report.franchises().stream()
                .filter(f -> f.franchise().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theAuctionAsAWhole() {
        assertThat(report.name()).isEqualTo("Sample auction");
        assertThat(report.state()).isEqualTo("COMPLETED");
        assertThat(report.completionReason()).isEqualTo("ALL_LOTS_DONE");
        assertThat(report.startedAt()).isAfter(report.createdAt());
        var t = report.totals();
        assertThat(t.lotsOpened()).isEqualTo(5);
        assertThat(t.sold()).isEqualTo(4);
        assertThat(t.unsold()).isEqualTo(1);
        assertThat(t.soldByRightToMatch()).isEqualTo(1);
        assertThat(t.spendLakh()).isEqualTo(240 + 70 + 30 + 100);
        assertThat(t.houseBidsAccepted()).isEqualTo(6);
        assertThat(t.houseBidsRefused()).isEqualTo(2);
        assertThat(t.decisions()).isEqualTo(25);
        assertThat(t.agentBids()).isEqualTo(8);
        assertThat(t.llmCalls()).isEqualTo(7);
        assertThat(report.eventsByTopic())
                .containsEntry("auction.events", 28)
                .containsEntry("agent.decisions", 25)
                .containsEntry("agent.bids", 8)
                .containsEntry("agent.llm-calls", 7)
                .containsEntry("agent.heartbeats", 6)
                .containsEntry("orchestrator.events", 8);
        assertThat(report.franchises())
                .extracting(FranchisePerformance::franchise)
                .containsExactly("CSK", "MI", "RCB");
    }

    @Test
    void lotsComeFromTheHouse() {
        assertThat(report.lots())
                .extracting(l -> l.lot() + " " + l.outcome() + " " + l.franchise() + " " + l.priceLakh() + " "
                        + l.bids() + " " + l.round())
                .containsExactly(
                        "1 SOLD CSK 240 3 MAIN",
                        "2 UNSOLD null null 0 MAIN",
                        "3 SOLD RCB 70 1 MAIN",
                        "4 SOLD RCB 30 1 MAIN",
                        "5 SOLD MI 100 1 ACCELERATED");
        assertThat(report.lots().get(2).rightToMatch()).isTrue();
    }

    @Test
    void decisionLatencyPercentilesByNearestRank() {
        // All 25 (sum 2150, mean 86): 5,10,10,15,20,20,25,30,30,35,40,40,45,50,55,60,65,70,75,80,85,90,95,100,1000.
        assertThat(report.decisionLatency()).isEqualTo(new LatencyStats(25, 45, 100, 1000, 1000, 86));
        // CSK: 10,20,30,40,1000: p50 is the 3rd, p95 and p99 the 5th; mean 220.
        assertThat(franchise("CSK").decisions().latency()).isEqualTo(new LatencyStats(5, 30, 1000, 1000, 1000, 220));
        // MI: 5,10 … 100: p50 the 10th (50), p95 the 19th (95), p99 the 20th (100); mean 52.5 rounds to 53.
        assertThat(franchise("MI").decisions().latency()).isEqualTo(new LatencyStats(20, 50, 95, 100, 100, 53));
        assertThat(franchise("RCB").decisions().latency()).isEqualTo(LatencyStats.EMPTY);
        assertThat(report.decisionLatencyHistogram())
                .extracting(AuctionReport.HistogramBucket::count)
                .containsExactly(1, 5, 7, 10, 1, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void decisionsBySourceAndChoice() {
        var csk = franchise("CSK").decisions();
        assertThat(csk.count()).isEqualTo(5);
        assertThat(csk.bid()).isEqualTo(1);
        assertThat(csk.pass()).isEqualTo(4);
        assertThat(csk.bySource()).isEqualTo(Map.of("RULES", 1, "LLM", 2, "CACHE", 1, "FALLBACK", 1));
        assertThat(franchise("MI").decisions().bySource())
                .containsEntry("RULES", 20)
                .containsEntry("LLM", 0);
    }

    @Test
    void bidsPlacedAcceptedAndRefusedWithTheirReasons() {
        var csk = franchise("CSK").bids();
        assertThat(List.of(csk.placed(), csk.accepted(), csk.rejected(), csk.outbid()))
                .containsExactly(2, 2, 0, 0);
        assertThat(csk.reaction()).isEqualTo(new LatencyStats(2, 80, 120, 120, 120, 100));
        assertThat(csk.houseAccepted()).isEqualTo(2);

        var mi = franchise("MI").bids();
        assertThat(List.of(mi.placed(), mi.accepted(), mi.rejected(), mi.outbid()))
                .containsExactly(4, 2, 1, 1);
        assertThat(mi.rejectedByReason()).isEqualTo(Map.of("stale", 1));
        assertThat(mi.reaction()).isEqualTo(new LatencyStats(4, 90, 300, 300, 300, 150));
        assertThat(mi.houseAccepted()).isEqualTo(3);
        assertThat(mi.houseRefusedByReason()).isEqualTo(Map.of("stale", 1));

        var rcb = franchise("RCB").bids();
        assertThat(rcb.rejectedByReason()).isEqualTo(Map.of("purse", 1));
        assertThat(rcb.houseRefusedByReason()).isEqualTo(Map.of("purse", 1));
        assertThat(rcb.houseAccepted()).isEqualTo(1);
    }

    @Test
    void llmCallsTimeoutsErrorsAndCacheHits() {
        var csk = franchise("CSK").llm();
        assertThat(csk.calls()).isEqualTo(4);
        assertThat(csk.cached()).isEqualTo(1);
        assertThat(csk.cacheHitRate()).isEqualTo(0.25);
        assertThat(csk.timeouts()).isEqualTo(1);
        assertThat(csk.errors()).isEqualTo(1);
        assertThat(csk.latency().max()).isEqualTo(1500);

        var mi = franchise("MI").llm();
        assertThat(mi.calls()).isEqualTo(3);
        assertThat(mi.errors()).isEqualTo(2); // unparseable and model missing
        assertThat(mi.cacheHitRate()).isEqualTo(0.0);
        assertThat(mi.byOutcome()).containsEntry("UNPARSEABLE", 1).containsEntry("MODEL_MISSING", 1);
    }

    @Test
    void spendUnspentPurseAndSquads() {
        assertThat(franchise("CSK").purse()).isEqualTo(new AuctionReport.Purse(1000, 240, 760, 1, 0));
        assertThat(franchise("MI").purse()).isEqualTo(new AuctionReport.Purse(1000, 100, 900, 1, 0));
        assertThat(franchise("RCB").purse()).isEqualTo(new AuctionReport.Purse(800, 100, 700, 2, 1));
        var rcb = franchise("RCB").squad();
        assertThat(rcb.players()).isEqualTo(3);
        assertThat(List.of(rcb.retained(), rcb.bought(), rcb.rightToMatch())).containsExactly(1, 1, 1);
        assertThat(rcb.byRole()).isEqualTo(Map.of("BATTER", 1, "BOWLER", 0, "ALL_ROUNDER", 1, "WICKETKEEPER", 1));
        assertThat(franchise("MI").squad().overseas()).isEqualTo(1);
    }

    @Test
    void heartbeatGapsTakeoversAndRestarts() {
        var csk = franchise("CSK").health();
        assertThat(csk.heartbeats()).isEqualTo(4);
        assertThat(csk.heartbeatGaps()).isEqualTo(new LatencyStats(3, 10_000, 15_000, 15_000, 15_000, 11_667));
        assertThat(csk.instances()).isEqualTo(2);
        assertThat(csk.takeovers()).isEqualTo(1);
        assertThat(List.of(csk.unhealthy(), csk.restartAttempts(), csk.restarts(), csk.restartFailures()))
                .containsExactly(1, 1, 1, 0);
        assertThat(csk.recoveries()).isEqualTo(1);

        var mi = franchise("MI").health();
        assertThat(mi.heartbeats()).isEqualTo(2);
        assertThat(mi.heartbeatGaps().max()).isEqualTo(10_000);
        assertThat(mi.takeovers()).isZero();
        assertThat(mi.lastState()).isEqualTo("FINISHED");
        assertThat(List.of(mi.restartAttempts(), mi.restarts(), mi.restartFailures()))
                .containsExactly(2, 0, 1);

        assertThat(franchise("RCB").health().heartbeats()).isZero();
        assertThat(franchise("RCB").health().lastState()).isNull();
    }

    @Test
    void theSameEventsInAnyOrderAndWithDuplicatesMakeTheSameReport() {
        List<Recorded> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(10, 40)); // delivered twice
        Collections.shuffle(shuffled, new Random(42));
        assertThat(ReportBuilder.build(CODE, shuffled)).isEqualTo(report);
    }

    @Test
    void anotherAuctionsEventsAreLeftOut() {
        List<Recorded> mixed = new ArrayList<>(events);
        SampleAuction.recorded(SampleAuction.events("OTHER1")).stream()
                .map(r -> new Recorded(r.source(), r.partition(), r.offset() + 1000, r.event()))
                .forEach(mixed::add);
        assertThat(ReportBuilder.build(CODE, mixed)).isEqualTo(report);
    }

    @Test
    void anAuctionStillRunningHasOpenLotsAndNoHouseResults() {
        List<Recorded> firstLots = events.stream()
                .filter(r -> r.at().isBefore(SampleAuction.T0.plusSeconds(12)))
                .toList();
        AuctionReport running = ReportBuilder.build(CODE, firstLots);
        assertThat(running.state()).isEqualTo("RUNNING");
        assertThat(running.completedAt()).isNull();
        assertThat(running.franchises().getFirst().purse().unspentLakh())
                .isEqualTo(running.franchises().getFirst().purse().startLakh()
                        - running.franchises().getFirst().purse().spentLakh());
    }

    @Test
    void percentilesOfOneSampleAndOfNone() {
        assertThat(LatencyStats.of(List.of(7L))).isEqualTo(new LatencyStats(1, 7, 7, 7, 7, 7));
        assertThat(LatencyStats.of(List.of())).isEqualTo(LatencyStats.EMPTY);
        // 1..100: nearest rank gives exactly p.
        List<Long> hundred = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            hundred.add(i);
        }
        assertThat(LatencyStats.of(hundred)).isEqualTo(new LatencyStats(100, 50, 95, 99, 100, 51));
    }
}
