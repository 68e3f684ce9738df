package dev.iplauction.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.HeartbeatEvent.Advisor;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.kafkatest.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatEmitterTests {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration CEILING = Duration.ofSeconds(10);

    private final CapturingTelemetry telemetry = new CapturingTelemetry();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-24T10:00:00Z"));
    private HeartbeatEmitter emitter = emitter(INTERVAL);

    private HeartbeatEmitter emitter(Duration interval) {
        return new HeartbeatEmitter(telemetry, clock, "ABCD23", "agent-7f3a", "container-9c1d", interval);
    }

    @AfterEach
    void close() {
        emitter.close();
    }

    private void awaitHeartbeats(Franchise franchise, int count) {
        await().atMost(CEILING).until(() -> telemetry.heartbeats(franchise).size() >= count);
    }

    private static List<Long> seqs(List<Heartbeat> heartbeats) {
        return heartbeats.stream().map(Heartbeat::seq).toList();
    }

    private static List<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void eachSeatCountsItsHeartbeatsFromOneAndEachCarriesTheInstanceAndTheTime() {
        emitter.add(Franchise.MI, () -> SeatState.BIDDING);
        emitter.add(Franchise.CSK, () -> SeatState.WAITING_FOR_START);
        awaitHeartbeats(Franchise.MI, 4);
        awaitHeartbeats(Franchise.CSK, 4);
        emitter.close();

        List<Heartbeat> mi = telemetry.heartbeats(Franchise.MI);
        List<Heartbeat> csk = telemetry.heartbeats(Franchise.CSK);
        assertThat(seqs(mi)).isEqualTo(oneTo(mi.size()));
        assertThat(seqs(csk)).isEqualTo(oneTo(csk.size()));
        assertThat(mi).allSatisfy(h -> {
            assertThat(h.auctionCode()).isEqualTo("ABCD23");
            assertThat(h.instanceId()).isEqualTo("agent-7f3a");
            assertThat(h.host()).isEqualTo("container-9c1d");
            assertThat(h.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(h.at()).isEqualTo(Instant.parse("2024-11-24T10:00:00Z"));
            assertThat(h.state()).isEqualTo(SeatState.BIDDING);
        });
        assertThat(csk).allSatisfy(h -> assertThat(h.state()).isEqualTo(SeatState.WAITING_FOR_START));
    }

    @Test
    void eachBeatSaysWhereTheLlmAdviceStandsAtThatMoment() {
        emitter.close();
        AtomicReference<Advisor> advisor = new AtomicReference<>(Advisor.WARMING_UP);
        emitter = new HeartbeatEmitter(
                telemetry, clock, "ABCD23", "agent-7f3a", "container-9c1d", INTERVAL, advisor::get);
        emitter.add(Franchise.MI, () -> SeatState.BIDDING);
        awaitHeartbeats(Franchise.MI, 1);
        advisor.set(Advisor.READY);
        await().atMost(CEILING)
                .until(() -> telemetry.heartbeats(Franchise.MI).getLast().advisor() == Advisor.READY);

        assertThat(telemetry.heartbeats(Franchise.MI).getFirst().advisor()).isEqualTo(Advisor.WARMING_UP);
    }

    @Test
    void withoutAnAdvisorTheBeatsSayNothingAboutIt() {
        emitter.add(Franchise.MI, () -> SeatState.BIDDING);
        awaitHeartbeats(Franchise.MI, 1);

        assertThat(telemetry.heartbeats(Franchise.MI).getFirst().advisor()).isNull();
    }

    @Test
    void theTimeIsTheClocksWhenTheHeartbeatIsSent() {
        emitter.add(Franchise.RR, () -> SeatState.BIDDING);
        awaitHeartbeats(Franchise.RR, 1);
        clock.advance(Duration.ofMinutes(5));
        awaitHeartbeats(Franchise.RR, 3);

        assertThat(telemetry.heartbeats(Franchise.RR).getFirst().at()).isEqualTo(Instant.parse("2024-11-24T10:00:00Z"));
        assertThat(telemetry.heartbeats(Franchise.RR).getLast().at()).isEqualTo(Instant.parse("2024-11-24T10:05:00Z"));
    }

    @Test
    void heartbeatsAreAnIntervalApart() {
        emitter.add(Franchise.GT, () -> SeatState.BIDDING);
        awaitHeartbeats(Franchise.GT, 5);

        List<Long> times = telemetry.heartbeatTimes(Franchise.GT);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.ofNanos(times.get(i) - times.get(i - 1)))
                    .as("gap before heartbeat %d", i + 1)
                    .isGreaterThanOrEqualTo(INTERVAL.minusMillis(5));
        }
    }

    @Test
    void theFirstHeartbeatGoesAtOnceAndTheNextOnlyWhenTheIntervalHasPassed() {
        emitter.close();
        Duration interval = Duration.ofSeconds(10);
        emitter = emitter(interval);
        long added = System.nanoTime();
        emitter.add(Franchise.KKR, () -> SeatState.BIDDING);
        awaitHeartbeats(Franchise.KKR, 1);
        assertThat(Duration.ofNanos(telemetry.heartbeatTimes(Franchise.KKR).getFirst() - added))
                .isLessThan(interval.dividedBy(2));

        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> telemetry.heartbeats(Franchise.KKR).size() == 1);
    }

    @Test
    void eachHeartbeatReportsWhatTheSeatsStateSupplierSaysThen() {
        AtomicReference<SeatState> state = new AtomicReference<>(SeatState.JOINING);
        emitter.add(Franchise.PBKS, state::get);
        awaitHeartbeats(Franchise.PBKS, 1);
        state.set(SeatState.BIDDING);
        await().atMost(CEILING)
                .until(() -> telemetry.heartbeats(Franchise.PBKS).getLast().state() == SeatState.BIDDING);
        state.set(SeatState.RECONNECTING);
        await().atMost(CEILING)
                .until(() -> telemetry.heartbeats(Franchise.PBKS).getLast().state() == SeatState.RECONNECTING);

        List<SeatState> states = telemetry.heartbeats(Franchise.PBKS).stream()
                .map(Heartbeat::state)
                .toList();
        assertThat(states.getFirst()).isEqualTo(SeatState.JOINING);
        assertThat(states).containsSubsequence(SeatState.JOINING, SeatState.BIDDING, SeatState.RECONNECTING);
    }

    @Test
    void aStateSupplierThatFailsIsReportedAsFailedAndTheHeartbeatsGoOn() {
        AtomicReference<SeatState> state = new AtomicReference<>();
        emitter.add(Franchise.SRH, () -> {
            SeatState current = state.get();
            if (current == null) {
                throw new IllegalStateException("page crashed");
            }
            return current;
        });
        emitter.add(Franchise.DC, () -> null);
        awaitHeartbeats(Franchise.SRH, 3);
        awaitHeartbeats(Franchise.DC, 3);

        assertThat(telemetry.heartbeats(Franchise.SRH))
                .allSatisfy(h -> assertThat(h.state()).isEqualTo(SeatState.FAILED));
        assertThat(telemetry.heartbeats(Franchise.DC))
                .allSatisfy(h -> assertThat(h.state()).isEqualTo(SeatState.FAILED));

        state.set(SeatState.RECONNECTING);
        await().atMost(CEILING)
                .until(() -> telemetry.heartbeats(Franchise.SRH).getLast().state() == SeatState.RECONNECTING);
        List<Heartbeat> srh = telemetry.heartbeats(Franchise.SRH);
        assertThat(seqs(srh)).isEqualTo(oneTo(srh.size()));
    }

    @Test
    void seatsCanBeAddedAndRemovedWhileItRuns() {
        emitter.add(Franchise.MI, () -> SeatState.BIDDING);
        emitter.add(Franchise.CSK, () -> SeatState.BIDDING);
        awaitHeartbeats(Franchise.CSK, 2);
        assertThat(emitter.seats()).containsExactlyInAnyOrder(Franchise.MI, Franchise.CSK);

        assertThat(emitter.remove(Franchise.CSK)).isTrue();
        int cskAtRemoval = telemetry.heartbeats(Franchise.CSK).size();
        int miAtRemoval = telemetry.heartbeats(Franchise.MI).size();
        awaitHeartbeats(Franchise.MI, miAtRemoval + 3);
        assertThat(telemetry.heartbeats(Franchise.CSK)).hasSize(cskAtRemoval);
        assertThat(emitter.seats()).containsExactly(Franchise.MI);
        assertThat(emitter.remove(Franchise.CSK)).isFalse();

        emitter.add(Franchise.LSG, () -> SeatState.JOINING);
        awaitHeartbeats(Franchise.LSG, 2);
        assertThat(seqs(telemetry.heartbeats(Franchise.LSG)).subList(0, 2)).isEqualTo(oneTo(2));

        // The same instance taking the seat back carries on counting: (instance, seq) never repeats.
        emitter.add(Franchise.CSK, () -> SeatState.BIDDING);
        awaitHeartbeats(Franchise.CSK, cskAtRemoval + 2);
        assertThat(seqs(telemetry.heartbeats(Franchise.CSK)).subList(0, cskAtRemoval + 2))
                .isEqualTo(oneTo(cskAtRemoval + 2));
    }

    @Test
    void addingASeatAgainChangesOnlyItsStateSupplier() {
        emitter.add(Franchise.RCB, () -> SeatState.JOINING);
        awaitHeartbeats(Franchise.RCB, 2);
        emitter.add(Franchise.RCB, () -> SeatState.BIDDING);
        await().atMost(CEILING)
                .until(() -> telemetry.heartbeats(Franchise.RCB).getLast().state() == SeatState.BIDDING);
        int now = telemetry.heartbeats(Franchise.RCB).size();
        awaitHeartbeats(Franchise.RCB, now + 2);
        emitter.close();

        // One schedule, not two: the numbers run on without a gap or a repeat, an interval apart.
        List<Heartbeat> heartbeats = telemetry.heartbeats(Franchise.RCB);
        assertThat(seqs(heartbeats)).isEqualTo(oneTo(heartbeats.size()));
        List<Long> times = telemetry.heartbeatTimes(Franchise.RCB);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.ofNanos(times.get(i) - times.get(i - 1)))
                    .isGreaterThanOrEqualTo(INTERVAL.minusMillis(5));
        }
    }

    @Test
    void closingStopsEveryHeartbeatAndRefusesNewSeats() {
        emitter.add(Franchise.MI, () -> SeatState.BIDDING);
        emitter.add(Franchise.GT, () -> SeatState.BIDDING);
        awaitHeartbeats(Franchise.MI, 2);
        awaitHeartbeats(Franchise.GT, 2);

        emitter.close();
        int mi = telemetry.heartbeats(Franchise.MI).size();
        int gt = telemetry.heartbeats(Franchise.GT).size();
        await().during(INTERVAL.multipliedBy(4))
                .atMost(Duration.ofSeconds(2))
                .until(() -> telemetry.heartbeats(Franchise.MI).size() == mi
                        && telemetry.heartbeats(Franchise.GT).size() == gt);
        assertThat(emitter.seats()).isEmpty();
        assertThatThrownBy(() -> emitter.add(Franchise.RR, () -> SeatState.BIDDING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        emitter.close(); // again: nothing happens
        await().atMost(CEILING)
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("heartbeats") && t.isAlive()));
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThatThrownBy(() -> emitter(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heartbeat interval must be more than 0, got PT0S");
    }
}
