package dev.iplauction.auction.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iplauction.auction.AuctionServiceApplication;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.HostAction;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.kafkatest.TopicReader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The auction house against Kafka in a container (Testcontainers), as it runs in Compose: an auction created, played
 * and then rebuilt by a second start from the container's topic. Runs with {@code -Pdocker} where a Docker engine
 * answers and holds the Kafka image ({@code -Dkafka.image=…}, {@code apache/kafka:4.1.0} by default); skipped
 * elsewhere.
 */
@Tag("docker")
class AuctionOnKafkaContainerIT {

    // Not a @ServiceConnection bean: Spring Boot's Testcontainers support closes a container bean with the context
    // that holds it (unless it is a reused container, which needs a per-machine opt-in), and this test starts the
    // service twice against the one container. Its address goes in through spring.kafka.bootstrap-servers instead.
    private static KafkaContainer kafka;

    @BeforeAll
    static void startKafka() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine answers");
        String image = System.getProperty("kafka.image", "apache/kafka:4.1.0");
        boolean present;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            present = true;
        } catch (RuntimeException e) {
            present = false;
        }
        assumeTrue(present, "the Kafka image " + image + " is not on this engine (and is not pulled by a test)");
        // A locally built stand-in (another name, the same image contract) is declared as apache/kafka.
        kafka = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"));
        kafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    private static ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(AuctionServiceApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + kafka.getBootstrapServers(),
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.kafka.enabled=false",
                        "--auction.bootstrap.code=CONT01",
                        "--auction.bootstrap.catalogue=quick",
                        "--auction.bootstrap.host-token=container-host");
    }

    @Test
    void anAuctionPlayedOnAKafkaContainerIsRebuiltFromItsTopic() {
        String seat;
        try (ConfigurableApplicationContext first = startService()) {
            AuctionHouse house = first.getBean(AuctionHouse.class);
            seat = house.claimSeat("CONT01", Franchise.KKR, null);
            house.host("CONT01", "container-host", HostAction.START);
            assertThat(house.view("CONT01").phase()).isEqualTo("RUNNING");
        }
        try (ConfigurableApplicationContext second = startService()) {
            AuctionHouse house = second.getBean(AuctionHouse.class);
            assertThat(house.seatOf("CONT01", seat)).contains(Franchise.KKR);
            assertThat(house.view("CONT01").phase()).isEqualTo("RUNNING");
        }
        List<AuctionEvent> events = new TopicReader(kafka.getBootstrapServers())
                .values(Topics.AUCTION_EVENTS.topicName(), AuctionEvent.class);
        assertThat(events)
                .filteredOn(AuctionEvent.AuctionCreated.class::isInstance)
                .hasSize(1);
        assertThat(events)
                .filteredOn(AuctionEvent.AuctionStarted.class::isInstance)
                .hasSize(1);
    }
}
