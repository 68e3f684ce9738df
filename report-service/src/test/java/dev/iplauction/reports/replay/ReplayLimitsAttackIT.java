package dev.iplauction.reports.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's attack on replays: each one scans six whole topics, so asking for many at once would make the service
 * read for everyone. Two hang on a broker that does not answer (real Kafka consumers, held for their whole timeout);
 * a third, asked for meanwhile, is refused at once rather than queued, and once they end a replay is taken again.
 */
class ReplayLimitsAttackIT {

    @Test
    void aReplayBeyondTheCapIsRefusedAtOnceWhileTwoAreRunning() throws Exception {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort(); // closed again: nothing answers there
        }
        ReplayService replays =
                new ReplayService(Map.of("bootstrap.servers", "127.0.0.1:" + nobody), Duration.ofSeconds(10), 2);

        List<Thread> running = Stream.of("ABCD12", "EFGH34")
                .map(code -> Thread.ofVirtual().start(() -> {
                    try {
                        replays.replay(code, null);
                    } catch (RuntimeException expected) {
                        // no broker: it ends with a timeout, which is all this test needs of it
                    }
                }))
                .toList();
        await().atMost(Duration.ofMinutes(1)).until(() -> replays.running() == 2);

        // Refused, not queued behind the two: a queued replay would have run (and failed with a timeout) once one of
        // them ended, never been told the house is busy.
        assertThatThrownBy(() -> replays.replay("JKLM56", null))
                .isInstanceOf(ReplayService.ReplaysBusy.class)
                .hasMessageContaining("try again");

        for (Thread thread : running) {
            thread.join(Duration.ofMinutes(2));
        }
        assertThat(replays.running()).isZero();
    }
}
