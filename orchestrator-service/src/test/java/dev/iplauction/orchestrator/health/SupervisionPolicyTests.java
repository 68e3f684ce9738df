package dev.iplauction.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The policy across seats, with the service's defaults (30 s timeout, 180 s grace, 3 quick attempts 5 s apart, then
 * tries from 1 min doubling to 5 min, one restart at a time), driven by an injected time: the orchestrator's start is
 * T0.
 */
class SupervisionPolicyTests {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<Franchise> NINE =
            Arrays.stream(Franchise.values()).limit(9).toList();

    private final HealthSettings settings = new HealthSettings(
            Duration.ofSeconds(30),
            Duration.ofSeconds(180),
            3,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            6,
            SoftRestartMode.WHEN_INSTANCE_ALIVE,
            Duration.ofMinutes(1),
            1);
    private final HealthPolicy policy = new HealthPolicy(settings);

    private FleetState fleet = FleetState.NONE;
    private List<SeatRecord> seats = new ArrayList<>();

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static String instanceOf(Franchise f) {
        return "agent-" + f.code();
    }

    private void watch(List<Franchise> franchises) {
        seats = new ArrayList<>(
                franchises.stream().map(f -> SeatRecord.starting(f, T0)).toList());
    }

    private SeatRecord seat(Franchise f) {
        return seats.stream().filter(s -> s.franchise() == f).findFirst().orElseThrow();
    }

    private void replace(SeatRecord seat) {
        seats.replaceAll(s -> s.franchise() == seat.franchise() ? seat : s);
    }

    /** A heartbeat of the seat from its own instance, sent and taken at {@code seconds}. */
    private Verdict beat(Franchise f, long seconds, SeatState state) {
        Heartbeat hb =
                new Heartbeat("ABCD12", f, at(seconds), instanceOf(f), "host-" + f.code(), 7, state, seconds * 10 + 1);
        Verdict verdict = policy.onHeartbeat(seat(f), hb, at(seconds));
        replace(verdict.seat());
        return verdict;
    }

    private void beatAll(List<Franchise> which, long seconds) {
        which.forEach(f -> beat(f, seconds, SeatState.BIDDING));
    }

    private FleetVerdict checkAll(long seconds, Function<SeatRecord, Instant> agentStartedAt) {
        FleetVerdict verdict = policy.checkAll(seats, fleet, agentStartedAt, at(seconds));
        seats = new ArrayList<>(verdict.seats());
        fleet = verdict.fleet();
        return verdict;
    }

    private FleetVerdict checkAll(long seconds) {
        return checkAll(seconds, s -> null);
    }

    private static List<Franchise> hardRestarted(FleetVerdict verdict) {
        return verdict.actions().stream()
                .filter(a -> a instanceof Action.HardRestart)
                .map(Action::franchise)
                .toList();
    }

    // ---- grace from the agent's own start ----

    @Test
    void graceFromAgentStartNotFromTheOrchestratorsStart() {
        watch(List.of(Franchise.CSK));
        // No agent container runs for the first two minutes (the Docker runtime then says "now"), then one starts.
        for (long t = 10; t < 120; t += 10) {
            long now = t;
            assertThat(checkAll(t, s -> at(now)).actions())
                    .as("second %s: no agent runs yet", t)
                    .isEmpty();
        }
        Function<SeatRecord, Instant> startedAt = s -> at(120);
        assertThat(checkAll(200, startedAt).actions())
                .as("200 s after the orchestrator started, but 80 s after the agent did")
                .isEmpty();
        assertThat(checkAll(299, startedAt).actions()).isEmpty();
        assertThat(seat(Franchise.CSK).status()).isEqualTo(SeatStatus.STARTING);
        FleetVerdict expired = checkAll(300, startedAt);
        assertThat(expired.actions())
                .extracting(Action::getClass)
                .containsExactly(Action.Unhealthy.class, Action.HardRestart.class);
    }

    @Test
    void graceFromAgentStartForAHeldSeatWhoseContainerStartedAgain() {
        watch(List.of(Franchise.CSK));
        beat(Franchise.CSK, 10, SeatState.BIDDING);
        // Someone restarted the holder's container at 100: its seat has the grace from there, not the 30 s timeout.
        Function<SeatRecord, Instant> startedAt = s -> at(100);
        assertThat(checkAll(279, startedAt).actions()).isEmpty();
        assertThat(checkAll(280, startedAt).actions()).isNotEmpty();
    }

    @Test
    void aSeatReportingStartingOrJoiningIsNotRestartedWhileItMakesProgressHoweverSlowItsHeartbeats() {
        watch(List.of(Franchise.CSK, Franchise.DC));
        beat(Franchise.CSK, 200, SeatState.STARTING);
        beat(Franchise.DC, 200, SeatState.WAITING_FOR_START);
        // Both silent for 100 s on a loaded machine: the starting one has the grace, the waiting one only the timeout.
        FleetVerdict verdict = checkAll(300);
        assertThat(verdict.actions()).extracting(Action::franchise).containsOnly(Franchise.DC);
        assertThat(seat(Franchise.CSK).status()).isEqualTo(SeatStatus.HEALTHY);
        beat(Franchise.CSK, 350, SeatState.JOINING);
        assertThat(checkAll(529).actions()).extracting(Action::franchise).doesNotContain(Franchise.CSK);
        assertThat(checkAll(530).actions()).extracting(Action::franchise).contains(Franchise.CSK);
    }

    // ---- one restart at a time ----

    @Test
    void oneRestartAtATime() {
        watch(NINE);
        beatAll(NINE, 200);
        List<Franchise> alive = NINE.subList(2, 9);
        beatAll(alive, 230);
        FleetVerdict first = checkAll(240);
        assertThat(first.fleet().systemic()).as("two of nine is not systemic").isFalse();
        assertThat(hardRestarted(first)).containsExactly(Franchise.CSK);
        assertThat(seat(Franchise.DC).status()).isEqualTo(SeatStatus.UNHEALTHY);
        assertThat(seat(Franchise.DC).reason()).contains("1 restart under way already");

        replace(policy.restartDone(seat(Franchise.CSK), at(245)));
        beatAll(alive, 250);
        assertThat(hardRestarted(checkAll(260)))
                .as("CSK's restart is under way until it heartbeats or its grace runs out")
                .isEmpty();

        assertThat(beat(Franchise.CSK, 270, SeatState.JOINING).actions())
                .hasAtLeastOneElementOfType(Action.Recovered.class);
        beatAll(alive, 270);
        assertThat(hardRestarted(checkAll(271))).containsExactly(Franchise.DC);
    }

    @Test
    void oneRestartAtATimeUnlessConfiguredOtherwiseAndAFailedRestartHoldsNothing() {
        watch(NINE);
        beatAll(NINE, 200);
        List<Franchise> alive = NINE.subList(3, 9);
        beatAll(alive, 230);
        HealthPolicy two = new HealthPolicy(new HealthSettings(
                settings.heartbeatTimeout(),
                settings.startupGrace(),
                settings.restartAttempts(),
                settings.backoff(),
                settings.maxBackoff(),
                settings.restartWindow(),
                settings.restartsPerWindow(),
                settings.softRestart(),
                settings.slowBackoff(),
                2));
        FleetVerdict verdict = two.checkAll(seats, fleet, s -> null, at(240));
        assertThat(hardRestarted(verdict)).containsExactly(Franchise.CSK, Franchise.DC);

        // With one at a time, a restart that failed at once (no container found) does not hold up the next seat.
        FleetVerdict one = checkAll(240);
        assertThat(hardRestarted(one)).containsExactly(Franchise.CSK);
        replace(policy.restartFailed(seat(Franchise.CSK), "no container", at(241)));
        assertThat(hardRestarted(checkAll(242))).containsExactly(Franchise.DC);
    }

    // ---- systemic outage ----

    @Test
    void systemicOutage() {
        watch(NINE);
        beatAll(NINE, 200);
        List<Franchise> silent = NINE.subList(0, 6);
        List<Franchise> alive = NINE.subList(6, 9);
        beatAll(alive, 230);

        FleetVerdict began = checkAll(240);
        assertThat(began.systemicBegan()).isTrue();
        assertThat(began.fleet().silent()).containsExactlyElementsOf(silent);
        assertThat(began.fleet().systemicReason()).contains("systemic fault").contains("6 of 9 seats silent");
        assertThat(began.actions())
                .filteredOn(a -> a instanceof Action.Unhealthy)
                .hasSize(6);
        assertThat(hardRestarted(began)).as("one agent, not six").containsExactly(Franchise.CSK);
        // That restart fails at once (say the Docker engine is as slow as everything else): it holds nothing, but
        // the spacing does.
        replace(policy.restartFailed(seat(Franchise.CSK), "docker: timed out", at(241)));

        long restartsSeen = 1;
        List<Long> restartTimes = new ArrayList<>(List.of(240L));
        for (long t = 250; t <= 1200; t += 10) {
            beatAll(alive, t);
            FleetVerdict v = checkAll(t);
            assertThat(v.fleet().systemic()).isTrue();
            List<Franchise> restarted = hardRestarted(v);
            assertThat(restarted).as("second %s", t).hasSizeLessThanOrEqualTo(1);
            assertThat(v.actions()).as("no soft restarts either").noneMatch(a -> a instanceof Action.SoftRestart);
            if (!restarted.isEmpty()) {
                restartsSeen++;
                restartTimes.add(t);
                replace(policy.restartFailed(seat(restarted.get(0)), "docker: timed out", at(t + 1)));
            }
        }
        // One per back-off period: 1 min, then doubling to the 5 min cap.
        assertThat(restartTimes).containsExactly(240L, 300L, 420L, 660L, 960L);
        assertThat(restartsSeen).isEqualTo(5);
        assertThat(seat(Franchise.DC).reason()).contains("systemic fault");

        // The broker is back: every seat heartbeats, the fault is over.
        beatAll(NINE, 1201);
        FleetVerdict ended = checkAll(1202);
        assertThat(ended.systemicEnded()).isTrue();
        assertThat(ended.fleet().systemicReason()).isNull();
        assertThat(seats).allMatch(s -> s.status() == SeatStatus.HEALTHY);
    }

    // ---- recovery after giving up ----

    @Test
    void recoveryAfterGivingUp() {
        watch(List.of(Franchise.CSK));
        beat(Franchise.CSK, 200, SeatState.BIDDING);
        List<Long> restartTimes = new ArrayList<>();
        List<Action.GiveUp> giveUps = new ArrayList<>();
        for (long t = 201; t <= 1600; t++) {
            FleetVerdict v = checkAll(t);
            for (Action a : v.actions()) {
                if (a instanceof Action.HardRestart) {
                    restartTimes.add(t);
                    replace(policy.restartFailed(seat(Franchise.CSK), "no container runs it", at(t)));
                } else if (a instanceof Action.GiveUp g) {
                    giveUps.add(g);
                }
            }
        }
        // Three quick attempts (5 s, 10 s apart), given up once (at 246), then slow tries: 1, 2, 4 min, then every 5.
        assertThat(restartTimes).containsExactly(230L, 235L, 245L, 306L, 426L, 666L, 966L, 1266L, 1566L);
        assertThat(giveUps)
                .singleElement()
                .satisfies(g -> assertThat(g.attempts()).isEqualTo(3));
        assertThat(seat(Franchise.CSK).status()).isEqualTo(SeatStatus.FAILED);
        assertThat(seat(Franchise.CSK).reason()).contains("gave up after 3 quick restarts");

        Verdict back = beat(Franchise.CSK, 1580, SeatState.JOINING);
        assertThat(back.actions()).hasAtLeastOneElementOfType(Action.Recovered.class);
        SeatRecord healthy = seat(Franchise.CSK);
        assertThat(healthy.status()).isEqualTo(SeatStatus.HEALTHY);
        assertThat(healthy.attempts()).isZero();
        assertThat(healthy.gaveUpAt()).isNull();

        // Silent again later: a fresh recovery with quick attempts, not the slow pace of the last one.
        beat(Franchise.CSK, 1600, SeatState.BIDDING);
        FleetVerdict again = checkAll(1630);
        assertThat(again.actions())
                .filteredOn(a -> a instanceof Action.HardRestart)
                .singleElement()
                .satisfies(a -> assertThat(((Action.HardRestart) a).attempt()).isEqualTo(1));
    }
}
