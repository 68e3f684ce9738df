package dev.iplauction.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The health policy with the replaced system's defaults: 30 s timeout, 30 s grace, 3 attempts, 5 s back-off. */
class HealthPolicyTests {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Franchise CSK = Franchise.CSK;

    private final HealthPolicy policy = new HealthPolicy(HealthSettings.defaults());

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Heartbeat beat(String instance, long seconds, long seq, SeatState state) {
        return new Heartbeat("ABCD12", CSK, at(seconds), instance, "host-" + instance, 100, state, seq);
    }

    private static Heartbeat beat(String instance, long seconds, long seq) {
        return beat(instance, seconds, seq, SeatState.BIDDING);
    }

    /** A seat that has heartbeated from instance "a" at second {@code seconds}. */
    private SeatRecord aliveAt(long seconds) {
        return policy.onHeartbeat(SeatRecord.starting(CSK, T0), beat("a", seconds, seconds + 1), at(seconds))
                .seat();
    }

    private SeatRecord heartbeat(SeatRecord seat, Heartbeat beat, long nowSeconds) {
        return policy.onHeartbeat(seat, beat, at(nowSeconds)).seat();
    }

    private Verdict check(SeatRecord seat, long nowSeconds) {
        return policy.check(seat, null, at(nowSeconds));
    }

    @Nested
    class Grace {

        @Test
        void aSeatNeverHeardFromIsLeftAloneForTheStartupGrace() {
            SeatRecord seat = SeatRecord.starting(CSK, T0);
            Verdict verdict = check(seat, 29);
            assertThat(verdict.actions()).isEmpty();
            assertThat(verdict.seat().status()).isEqualTo(SeatStatus.STARTING);
        }

        @Test
        void aSeatNeverHeardFromIsUnhealthyWhenTheGraceRunsOutAndGoesStraightToAHardRestart() {
            Verdict verdict = check(SeatRecord.starting(CSK, T0), 30);
            assertThat(verdict.actions())
                    .extracting(Action::getClass)
                    .containsExactly(Action.Unhealthy.class, Action.HardRestart.class);
            Action.Unhealthy unhealthy = (Action.Unhealthy) verdict.actions().get(0);
            assertThat(unhealthy.reason()).contains("start-up grace");
            assertThat(unhealthy.silentFor()).isEqualTo(Duration.ofSeconds(30));
            assertThat(((Action.HardRestart) verdict.actions().get(1)).holder()).isNull();
            assertThat(verdict.seat().status()).isEqualTo(SeatStatus.RESTARTING);
        }

        @Test
        void aLaunchedSeatGetsItsGraceFromItsLaunchNotFromTheOrchestratorsStart() {
            SeatRecord seat = policy.launched(SeatRecord.starting(CSK, T0), at(16));
            assertThat(check(seat, 45).actions()).isEmpty();
            assertThat(check(seat, 46).actions()).isNotEmpty();
        }

        @Test
        void afterAnOrchestratorRestartAnOldHeartbeatIsJudgedOnlyWhenTheGraceRunsOut() {
            // The view rebuilt from the topic: last alive 5 minutes before the orchestrator started at T0+300.
            SeatRecord rebuilt = heartbeat(SeatRecord.starting(CSK, at(300)), beat("a", 0, 1, SeatState.BIDDING), 301);
            assertThat(check(rebuilt, 329).actions()).isEmpty();
            assertThat(check(rebuilt, 330).seat().status()).isEqualTo(SeatStatus.RESTARTING);
        }
    }

    @Nested
    class Timeout {

        @Test
        void aSeatIsHealthyWhileHeartbeatsArrive() {
            SeatRecord seat = aliveAt(40);
            assertThat(seat.status()).isEqualTo(SeatStatus.HEALTHY);
            assertThat(check(seat, 69).actions()).isEmpty();
        }

        @Test
        void aSeatSilentForTheTimeoutIsUnhealthy() {
            Verdict verdict = check(aliveAt(40), 70);
            Action.Unhealthy unhealthy = (Action.Unhealthy) verdict.actions().get(0);
            assertThat(unhealthy.silentFor()).isEqualTo(Duration.ofSeconds(30));
            assertThat(unhealthy.instanceId()).isEqualTo("a");
            assertThat(unhealthy.reason()).contains("no heartbeat for 30.0s");
            assertThat(verdict.seat().unhealthySince()).isEqualTo(at(70));
        }

        @Test
        void aSeatWaitingForTheAuctionToStartIsNotStaleHoweverLongItWaits() {
            SeatRecord seat = SeatRecord.starting(CSK, T0);
            for (long s = 1; s <= 3600; s += 10) {
                seat = heartbeat(seat, beat("a", s, s, SeatState.WAITING_FOR_START), s);
                assertThat(check(seat, s + 9).actions()).isEmpty();
            }
            assertThat(seat.status()).isEqualTo(SeatStatus.HEALTHY);
            assertThat(seat.agentState()).isEqualTo(SeatState.WAITING_FOR_START);
            // … but a waiting seat that falls silent is stale like any other.
            assertThat(check(seat, 3591 + 30).seat().status()).isNotEqualTo(SeatStatus.HEALTHY);
        }

        @Test
        void aSeatThatReportsFailedIsNotAliveThoughItsInstanceAnswers() {
            SeatRecord seat = aliveAt(10);
            for (long s = 20; s <= 40; s += 10) {
                seat = heartbeat(seat, beat("a", s, s, SeatState.FAILED), s);
            }
            assertThat(seat.lastAlive()).isEqualTo(at(10));
            Verdict verdict = policy.check(seat, seat.lastHeartbeat(), at(40));
            assertThat(((Action.Unhealthy) verdict.actions().get(0)).reason()).contains("reports FAILED");
            assertThat(verdict.actions().get(1)).isInstanceOf(Action.SoftRestart.class);
        }

        @Test
        void aSeatWhoseAuctionIsOverMayGoQuiet() {
            SeatRecord seat = heartbeat(aliveAt(10), beat("a", 20, 21, SeatState.FINISHED), 20);
            assertThat(seat.status()).isEqualTo(SeatStatus.FINISHED);
            assertThat(check(seat, 3600).actions()).isEmpty();
            assertThat(seat.status().healthy()).isTrue();
        }

        @Test
        void aHeartbeatFromTheFutureCountsAsNowSoItCannotBuyExtraTime() {
            SeatRecord seat = heartbeat(SeatRecord.starting(CSK, T0), beat("a", 1000, 1), 40);
            assertThat(seat.lastAlive()).isEqualTo(at(40));
            assertThat(check(seat, 70).actions()).isNotEmpty();
            // and the same heartbeat delivered twice is still a repeat
            assertThat(policy.onHeartbeat(seat, beat("a", 1000, 1), at(41)).ignored())
                    .isEqualTo("duplicate");
        }
    }

    @Nested
    class Recovery {

        @Test
        void aSoftRestartComesFirstWhileTheHoldingInstanceStillAnswersForAnotherSeat() {
            Verdict verdict = policy.check(aliveAt(40), at(65), at(70));
            assertThat(verdict.actions().get(1)).isEqualTo(new Action.SoftRestart(CSK, "a", 1));
            assertThat(verdict.seat().status()).isEqualTo(SeatStatus.RESTARTING);
            assertThat(verdict.seat().graceFrom()).isEqualTo(at(70));
            assertThat(verdict.seat().totalRestarts()).isEqualTo(1);
        }

        @Test
        void aSilentInstanceGetsNoSoftRestartNobodyWouldHearIt() {
            Verdict verdict = policy.check(aliveAt(40), at(40), at(70));
            assertThat(verdict.actions().get(1))
                    .isEqualTo(new Action.HardRestart(CSK, new Holder("a", "host-a", 100), 1));
        }

        @Test
        void softRestartAlwaysAndNever() {
            var always = new HealthPolicy(withSoft(SoftRestartMode.ALWAYS));
            SeatRecord seat = always.onHeartbeat(SeatRecord.starting(CSK, T0), beat("a", 40, 1), at(40))
                    .seat();
            assertThat(always.check(seat, null, at(70)).actions().get(1)).isInstanceOf(Action.SoftRestart.class);

            var never = new HealthPolicy(withSoft(SoftRestartMode.NEVER));
            assertThat(never.check(seat, at(69), at(70)).actions().get(1)).isInstanceOf(Action.HardRestart.class);
        }

        @Test
        void aSoftRestartThatDoesNotHelpIsFollowedByAHardOneAfterAFreshGrace() {
            SeatRecord soft = policy.check(aliveAt(40), at(65), at(70)).seat();
            assertThat(policy.check(soft, at(75), at(99)).actions()).isEmpty();
            Verdict hard = policy.check(soft, at(75), at(100));
            assertThat(hard.actions()).containsExactly(new Action.HardRestart(CSK, new Holder("a", "host-a", 100), 1));
        }

        @Test
        void aRestartedSeatGetsAFreshGraceNotTheOldInstancesTimes() {
            SeatRecord restarting = check(aliveAt(40), 70).seat();
            assertThat(restarting.restartInFlight()).isTrue();
            assertThat(check(restarting, 500).actions())
                    .as("nothing while the restart runs")
                    .isEmpty();
            SeatRecord restarted = policy.restartDone(restarting, at(75));
            // the old instance's last heartbeat (40) is long past the timeout: still no new restart within the grace
            assertThat(check(restarted, 104).actions()).isEmpty();
            assertThat(check(restarted, 105).actions())
                    .containsExactly(new Action.HardRestart(CSK, new Holder("a", "host-a", 100), 2));
        }

        @Test
        void aHeartbeatAfterARestartIsARecovery() {
            SeatRecord restarted = policy.restartDone(check(aliveAt(40), 70).seat(), at(75));
            Verdict verdict = policy.onHeartbeat(restarted, beat("b", 78, 1), at(78));
            assertThat(verdict.actions())
                    .containsExactly(
                            new Action.HolderChanged(CSK, "b", "a"),
                            new Action.Recovered(CSK, "b", Duration.ofSeconds(8)));
            SeatRecord seat = verdict.seat();
            assertThat(seat.status()).isEqualTo(SeatStatus.HEALTHY);
            assertThat(seat.attempts()).isZero();
            assertThat(seat.totalRestarts()).isEqualTo(1);
            assertThat(seat.holder().instanceId()).isEqualTo("b");
            assertThat(check(seat, 107).actions()).isEmpty();
        }

        @Test
        void backOffDoublesBetweenFailedAttemptsUpToItsMaximum() {
            HealthSettings s = HealthSettings.defaults();
            assertThat(s.backoffAfter(0)).isZero();
            assertThat(s.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
            assertThat(s.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
            assertThat(s.backoffAfter(5)).isEqualTo(Duration.ofSeconds(80));
            assertThat(s.backoffAfter(6)).as("160 s, capped").isEqualTo(Duration.ofMinutes(2));
            assertThat(s.backoffAfter(50)).isEqualTo(Duration.ofMinutes(2));
        }

        @Test
        void aRestartThatFailsIsRetriedOnlyAfterTheBackOffAndNotInALoop() {
            SeatRecord first = check(aliveAt(40), 70).seat();
            SeatRecord failed = policy.restartFailed(first, "docker: connection refused", at(71));
            assertThat(failed.lastError()).isEqualTo("docker: connection refused");
            for (long s = 71; s < 75; s++) {
                assertThat(check(failed, s).actions()).as("second %s", s).isEmpty();
            }
            assertThat(check(failed, 74).seat().reason()).contains("back-off");
            SeatRecord second = check(failed, 75).seat();
            assertThat(second.attempts()).isEqualTo(2);
            SeatRecord failedAgain = policy.restartFailed(second, "still refused", at(75));
            assertThat(check(failedAgain, 84).actions()).isEmpty();
            assertThat(check(failedAgain, 85).actions())
                    .containsExactly(new Action.HardRestart(CSK, new Holder("a", "host-a", 100), 3));
            SeatRecord third = policy.restartFailed(check(failedAgain, 85).seat(), "refused for good", at(85));
            assertThat(check(third, 200).actions())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            Action.GiveUp.class,
                            g -> assertThat(g.error()).isEqualTo("restart 3 failed: refused for good"));
        }

        @Test
        void afterTheLastQuickAttemptTheSeatIsFailedAndTriedAgainOnlyAtTheSlowBackOff() {
            SeatRecord seat = check(aliveAt(40), 70).seat();
            long now = 70;
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(seat.attempts()).isEqualTo(attempt);
                seat = policy.restartDone(seat, at(now));
                now += 30;
                Verdict next = check(seat, now);
                seat = next.seat();
                if (attempt < 3) {
                    assertThat(next.actions())
                            .containsExactly(new Action.HardRestart(CSK, new Holder("a", "host-a", 100), attempt + 1));
                } else {
                    assertThat(next.actions()).singleElement().isInstanceOfSatisfying(Action.GiveUp.class, g -> {
                        assertThat(g.attempts()).isEqualTo(3);
                        assertThat(g.instanceId()).isEqualTo("a");
                        assertThat(g.error()).isEqualTo("no heartbeat within 30.0s of restart 3");
                    });
                }
            }
            assertThat(seat.status()).isEqualTo(SeatStatus.FAILED);
            assertThat(seat.status().healthy()).isFalse();
            assertThat(seat.reason()).contains("gave up after 3 quick restarts");
            assertThat(check(seat, now + 59).actions())
                    .as("the slow back-off: a minute")
                    .isEmpty();
            assertThat(check(seat, now + 59).seat().reason()).contains("slow back-off");
            Verdict slow = check(seat, now + 60);
            assertThat(slow.actions()).containsExactly(new Action.HardRestart(CSK, new Holder("a", "host-a", 100), 4));
            assertThat(slow.seat().status())
                    .as("still failed while tried slowly")
                    .isEqualTo(SeatStatus.FAILED);
        }

        @Test
        void aFailedSeatThatHeartbeatsAgainHasRecovered() {
            HealthPolicy noAttempts = new HealthPolicy(new HealthSettings(
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(30),
                    0,
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ofMinutes(10),
                    1,
                    SoftRestartMode.NEVER));
            SeatRecord failed = noAttempts.check(aliveAt(40), null, at(70)).seat();
            assertThat(failed.status()).isEqualTo(SeatStatus.FAILED);
            Verdict verdict = noAttempts.onHeartbeat(failed, beat("a", 200, 500), at(200));
            assertThat(verdict.seat().status()).isEqualTo(SeatStatus.HEALTHY);
            assertThat(verdict.actions()).containsExactly(new Action.Recovered(CSK, "a", Duration.ofSeconds(130)));
        }

        @Test
        void aFlappingSeatCannotRestartMoreOftenThanTheCapPerWindow() {
            // 6 restarts per 10 minutes: a seat that recovers and fails again at once is held back after the sixth.
            SeatRecord seat = aliveAt(0);
            long now = 0;
            int restarts = 0;
            Instant firstRestart = null;
            while (now < 600) {
                now += 31;
                Verdict verdict = policy.check(seat, null, at(now));
                seat = verdict.seat();
                if (verdict.actions().stream().anyMatch(a -> a instanceof Action.HardRestart)) {
                    restarts++;
                    firstRestart = firstRestart == null ? at(now) : firstRestart;
                    seat = policy.restartDone(seat, at(now));
                    seat = heartbeat(seat, beat("a" + restarts, now + 1, 1), now + 1);
                    assertThat(seat.status()).isEqualTo(SeatStatus.HEALTHY);
                }
            }
            assertThat(restarts).isEqualTo(6);
            assertThat(seat.status()).isEqualTo(SeatStatus.UNHEALTHY);
            assertThat(seat.reason()).contains("restart cap of 6");
            assertThat(seat.attempts()).as("being held back is not an attempt").isZero();
            Verdict whenTheWindowFrees = policy.check(
                    seat, null, firstRestart.plus(Duration.ofMinutes(10)).plusSeconds(1));
            assertThat(whenTheWindowFrees.actions()).singleElement().isInstanceOf(Action.HardRestart.class);
        }

        @Test
        void aProcessThatExitsIsUnhealthyAtOnceAndRestartedWithoutASoftStep() {
            Verdict verdict = policy.onExit(aliveAt(40), "a", "exit code 137", at(45));
            assertThat(verdict.actions())
                    .containsExactly(
                            new Action.Unhealthy(CSK, "a", Duration.ofSeconds(5), "its process exited: exit code 137"),
                            new Action.HardRestart(CSK, new Holder("a", "host-a", 100), 1));
        }

        @Test
        void anExitDuringOurOwnRestartOrOfAnInstanceThatNoLongerHoldsTheSeatChangesNothing() {
            SeatRecord restarting = check(aliveAt(40), 70).seat();
            assertThat(policy.onExit(restarting, "a", "exit code 143", at(71)).actions())
                    .isEmpty();
            SeatRecord moved = heartbeat(aliveAt(40), beat("b", 41, 1), 41);
            assertThat(policy.onExit(moved, "a", "exit code 1", at(42)).actions())
                    .isEmpty();
        }

        @Test
        void aSeatThatCrashesAgainAfterItsRestartGoesToTheNextAttemptAfterTheBackOff() {
            SeatRecord seat =
                    policy.onExit(aliveAt(40), "a", "exit code 1", at(45)).seat();
            seat = policy.restartDone(seat, at(46));
            Verdict crashedAgain = policy.onExit(seat, "a", "exit code 1", at(47));
            assertThat(crashedAgain.actions()).isEmpty();
            assertThat(crashedAgain.seat().reason()).contains("back-off");
            assertThat(check(crashedAgain.seat(), 50).actions())
                    .containsExactly(new Action.HardRestart(CSK, new Holder("a", "host-a", 100), 2));
        }
    }

    @Nested
    class Heartbeats {

        @Test
        void aRepeatedHeartbeatChangesNothing() {
            SeatRecord seat = aliveAt(40);
            Verdict verdict = policy.onHeartbeat(seat, beat("a", 40, 41), at(42));
            assertThat(verdict.ignored()).isEqualTo("duplicate");
            assertThat(verdict.seat()).isSameAs(seat);
        }

        @Test
        void aSeatThatMovedToAnotherInstanceHasANewHolder() {
            Verdict verdict = policy.onHeartbeat(aliveAt(40), beat("b", 45, 1), at(45));
            assertThat(verdict.actions()).containsExactly(new Action.HolderChanged(CSK, "b", "a"));
            assertThat(verdict.seat().holder()).isEqualTo(new Holder("b", "host-b", 100));
            assertThat(verdict.seat().seq()).isEqualTo(1);
        }

        @Test
        void aLateHeartbeatFromTheOldHolderDoesNotTakeTheSeatBack() {
            SeatRecord moved = heartbeat(aliveAt(40), beat("b", 45, 1), 45);
            Verdict late = policy.onHeartbeat(moved, beat("a", 44, 45), at(46));
            assertThat(late.ignored()).isEqualTo("stale-instance");
            assertThat(late.seat().holder().instanceId()).isEqualTo("b");
        }

        @Test
        void aHeartbeatThatAReplacedInstanceSentBeforeItWasReplacedDoesNotReviveTheSeat() {
            SeatRecord restarting = check(aliveAt(40), 70).seat();
            // sent at 69 by the hung instance, delivered after the restart was issued at 70
            Verdict late = policy.onHeartbeat(restarting, beat("a", 69, 70), at(71));
            assertThat(late.ignored()).isEqualTo("replaced-instance");
            assertThat(late.seat().status()).isEqualTo(SeatStatus.RESTARTING);
        }

        @Test
        void aContainerRestartedUnderTheSameInstanceIdIsANewIncarnation() {
            SeatRecord restarted = policy.restartDone(check(aliveAt(40), 70).seat(), at(72));
            Verdict verdict = policy.onHeartbeat(restarted, beat("a", 75, 1), at(75));
            assertThat(verdict.ignored()).isNull();
            assertThat(verdict.seat().status()).isEqualTo(SeatStatus.HEALTHY);
            assertThat(verdict.seat().seq()).isEqualTo(1);
        }

        @Test
        void aLateHeartbeatFromAnExitedProcessDoesNotReviveTheSeat() {
            SeatRecord exited =
                    policy.onExit(aliveAt(40), "a", "exit code 137", at(45)).seat();
            SeatRecord done = policy.restartDone(exited, at(46));
            assertThat(policy.onHeartbeat(done, beat("a", 44, 45), at(47)).ignored())
                    .isEqualTo("replaced-instance");
        }
    }

    @Nested
    class Settings {

        @Test
        void nonsenseIsRefusedWithTheNameOfTheSetting() {
            assertThatThrownBy(() -> new HealthSettings(
                            Duration.ZERO,
                            Duration.ZERO,
                            3,
                            Duration.ZERO,
                            Duration.ZERO,
                            Duration.ofMinutes(1),
                            1,
                            SoftRestartMode.NEVER))
                    .hasMessageContaining("orchestrator.heartbeat-timeout");
            assertThatThrownBy(() -> new HealthSettings(
                            Duration.ofSeconds(1),
                            Duration.ZERO,
                            -1,
                            Duration.ZERO,
                            Duration.ZERO,
                            Duration.ofMinutes(1),
                            1,
                            SoftRestartMode.NEVER))
                    .hasMessageContaining("orchestrator.restart-attempts");
            assertThatThrownBy(() -> new HealthSettings(
                            Duration.ofSeconds(1),
                            Duration.ZERO,
                            1,
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(1),
                            Duration.ofMinutes(1),
                            1,
                            SoftRestartMode.NEVER))
                    .hasMessageContaining("orchestrator.restart-backoff-max");
            assertThatThrownBy(() -> new HealthSettings(
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(-1),
                            1,
                            Duration.ZERO,
                            Duration.ZERO,
                            Duration.ofMinutes(1),
                            1,
                            SoftRestartMode.NEVER))
                    .hasMessageContaining("orchestrator.startup-grace");
        }
    }

    private static HealthSettings withSoft(SoftRestartMode mode) {
        HealthSettings d = HealthSettings.defaults();
        return new HealthSettings(
                d.heartbeatTimeout(),
                d.startupGrace(),
                d.restartAttempts(),
                d.backoff(),
                d.maxBackoff(),
                d.restartWindow(),
                d.restartsPerWindow(),
                mode);
    }
}
