package dev.iplauction.auction.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.auction.AuctionServiceApplication;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.kafkatest.ClientRecorder;
import dev.iplauction.kafkatest.ClientRecorder.Client;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The auction house's Kafka clients are built from Boot's {@code spring.kafka.*}: one setting given there (a metrics
 * reporter that names every client it is configured into) reaches its admin, its transactional event-log producer,
 * the consumer that rebuilds auctions and the log appender. (report-service's SpringKafkaSettingsIT does the same for
 * Kafka Streams and the replay reader.)
 */
class KafkaSettingsIT {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(
                Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void aSettingGivenThroughSpringKafkaReachesTheHousesClients() {
        // Spring Boot sets logging up once per JVM while an earlier test's context lives on (Spring's test context
        // cache); start it afresh so the log appender is built from this test's settings, as in a service's own JVM.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(AuctionServiceApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.kafka.properties.metric.reporters=" + ClientRecorder.class.getName(),
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--auction.bootstrap.code=KSET01",
                        "--auction.bootstrap.catalogue=quick",
                        "--auction.bootstrap.host-token=settings-host")) {
            assertThat(service.getBean(AuctionHouse.class).view("KSET01").phase())
                    .isNotBlank();

            await().atMost(Duration.ofMinutes(2))
                    .untilAsserted(() -> assertThat(ClientRecorder.seen())
                            .anyMatch(client("kafka.admin.client"))
                            .anyMatch(client("kafka.producer", id -> id.startsWith("log-appender-")))
                            .anyMatch(client("kafka.producer", id -> !id.startsWith("log-appender-")))
                            .anyMatch(client("kafka.consumer")));
        }
    }

    private static Predicate<Client> client(String kind) {
        return client(kind, id -> true);
    }

    private static Predicate<Client> client(String kind, Predicate<String> id) {
        return client -> kind.equals(client.kind()) && id.test(client.id());
    }
}
