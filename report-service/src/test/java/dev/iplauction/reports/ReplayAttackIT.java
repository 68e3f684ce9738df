package dev.iplauction.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.reports.ServiceUnderTest.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An outsider against the report service: a replay (a scan of six topics) cannot be started without the operator
 * token, not on POST and not on GET; the public replay of a completed auction still plays (from its cached timeline);
 * one that is still going is not replayed publicly; health stays open.
 */
class ReplayAttackIT {

    private static EmbeddedKafkaKraftBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void replaysNeedTheOperatorTokenAndThePublicPageReadsTheCachedTimeline() {
        String bootstrap = broker.getBrokersAsString();
        Path reports = dir.resolve("reports");
        try (var service = new ServiceUnderTest(bootstrap, reports, dir.resolve("state"))) {
            List<SampleAuction.Published> done = SampleAuction.events("DONE01");
            ServiceUnderTest.publish(bootstrap, done);
            List<SampleAuction.Published> going = SampleAuction.events("GOIN01");
            ServiceUnderTest.publish(bootstrap, going.subList(0, going.size() / 2));
            await().atMost(Duration.ofMinutes(5))
                    .until(() -> Files.exists(reports.resolve("DONE01").resolve("report.json")));

            assertThat(service.post("/api/replay/DONE01", null).status()).isEqualTo(401);
            assertThat(service.post("/api/replay/DONE01", "a-guess-at-the-operator-token")
                            .status())
                    .isEqualTo(401);
            assertThat(service.post("/api/replay/DONE01/timeline", null).status())
                    .isEqualTo(401);
            Response refused = service.post("/api/replay/DONE01", null);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(service.get("/api/replay/DONE01").status())
                    .as("a plain GET no longer starts a scan")
                    .isEqualTo(405);
            assertThat(service.post("/api/replay/DONE01").status()).isEqualTo(200);

            Response timeline = service.get("/api/replay/DONE01/timeline");
            assertThat(timeline.status()).isEqualTo(200);
            assertThat(timeline.body()).contains("\"lots\"");
            assertThat(service.get("/api/replay/DONE01/timeline").body()).isEqualTo(timeline.body());
            assertThat(service.get("/replay/DONE01?speed=10").status()).isEqualTo(200);

            Response notYet = service.get("/api/replay/GOIN01/timeline");
            assertThat(notYet.status()).as(notYet.body()).isEqualTo(409);
            assertThat(notYet.body()).contains("replay-not-ready");

            assertThat(service.get("/actuator/health").status()).isEqualTo(200);
        }
    }
}
