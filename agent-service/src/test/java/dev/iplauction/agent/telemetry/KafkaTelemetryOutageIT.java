package dev.iplauction.agent.telemetry;

import static dev.iplauction.agent.telemetry.TestEvents.bid;
import static dev.iplauction.agent.telemetry.TestEvents.decision;
import static dev.iplauction.agent.telemetry.TestEvents.heartbeat;
import static dev.iplauction.agent.telemetry.TestEvents.llmCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka goes away and comes back while an agent plays: the broker of a real embedded KRaft cluster is shut down and
 * started again on the same port and the same log directory (its controller keeps running), as a broker restart or a
 * brief network loss looks to a client. Publishing never waits for it, and what was published is delivered when it is
 * back: once, in order.
 */
class KafkaTelemetryOutageIT {

    /**
     * The shortest max.block.ms these tests give the producer: a call that waited for Kafka would take at least this
     * long, while a queue insertion takes microseconds even on a loaded machine whose threads stall for a second.
     */
    private static final Duration NO_WAITING = Duration.ofSeconds(1);

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        TestLogging.quietKafka();
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        // A restarted broker waits out its previous registration's session before it is unfenced: keep that short.
        broker.brokerProperty("broker.session.timeout.ms", "2000");
        broker.brokerProperty("broker.heartbeat.interval.ms", "200");
        broker.afterPropertiesSet();
        broker.addTopics(AgentTopics.newTopics().toArray(NewTopic[]::new));
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    /** Shuts the broker down; its port stays reserved by the test kit, so nothing listens there until it is back. */
    private static void takeKafkaDown() {
        for (BrokerServer server : broker.getCluster().brokers().values()) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static void bringKafkaBack() {
        for (BrokerServer server : broker.getCluster().brokers().values()) {
            server.startup();
        }
    }

    private static Map<String, Object> producerProperties() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    }

    /** Runs a publishing call and returns how long it took. */
    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void eventsPublishedWhileKafkaIsDownAreDeliveredOnceAndInOrderWhenItIsBack() throws InterruptedException {
        String auction = "OUT001";
        List<Heartbeat> heartbeats = new ArrayList<>();
        List<DecisionMade> decisions = new ArrayList<>();
        List<BidPlaced> bids = new ArrayList<>();
        List<LlmCallCompleted> llmCalls = new ArrayList<>();
        TelemetrySettings settings = TelemetrySettings.defaults().withMaxBlock(NO_WAITING);

        try (var telemetry = new KafkaTelemetry(producerProperties(), settings)) {
            for (int i = 1; i <= 5; i++) {
                for (Franchise franchise : List.of(Franchise.MI, Franchise.CSK)) {
                    heartbeats.add(heartbeat(auction, franchise, i));
                    telemetry.heartbeat(heartbeats.getLast());
                }
                decisions.add(decision(auction, Franchise.MI, i));
                telemetry.decision(decisions.getLast());
                bids.add(bid(auction, Franchise.MI, i));
                telemetry.bid(bids.getLast());
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> telemetry.stats().sent() == 20);

            takeKafkaDown();
            List<Duration> calls = new ArrayList<>();
            try {
                for (int i = 6; i <= 30; i++) {
                    for (Franchise franchise : List.of(Franchise.MI, Franchise.CSK)) {
                        heartbeats.add(heartbeat(auction, franchise, i));
                        calls.add(timed(() -> telemetry.heartbeat(heartbeats.getLast())));
                    }
                    decisions.add(decision(auction, Franchise.CSK, i));
                    calls.add(timed(() -> telemetry.decision(decisions.getLast())));
                    bids.add(bid(auction, Franchise.CSK, i));
                    calls.add(timed(() -> telemetry.bid(bids.getLast())));
                    if (i % 5 == 0) {
                        // The first LLM calls ever: the producer has no metadata for their topic and cannot get it.
                        llmCalls.add(llmCall(auction, Franchise.MI, i));
                        calls.add(timed(() -> telemetry.llmCall(llmCalls.getLast())));
                    }
                }
                // The outage outlasts max.block.ms, so the producer turns the LLM calls away at least once. (A
                // pause that makes the fault, not a deadline: what follows holds however long it lasts.)
                Thread.sleep(Duration.ofSeconds(3));

                TelemetryStats during = telemetry.stats();
                assertThat(during.sent()).as("sent while Kafka is down").isEqualTo(20);
                assertThat(during.pending()).as("waiting while Kafka is down").isEqualTo(105);
                assertThat(during.of(Topics.AGENT_LLM_CALLS).pending()).isEqualTo(5);
                assertThat(during.dropped()).isZero();
            } finally {
                bringKafkaBack();
            }
            long[] nanos = calls.stream().mapToLong(Duration::toNanos).sorted().toArray();
            System.out.printf(
                    "Publishing during the outage: %d calls, median %.1f µs, longest %.1f µs%n",
                    nanos.length, nanos[nanos.length / 2] / 1000.0, nanos[nanos.length - 1] / 1000.0);
            assertThat(calls).allSatisfy(call -> assertThat(call).isLessThan(NO_WAITING));

            await().atMost(Duration.ofMinutes(3)).until(() -> telemetry.stats().pending() == 0);
            TelemetryStats after = telemetry.stats();
            assertThat(after.sent()).isEqualTo(125);
            assertThat(after.dropped()).isZero();
        }

        String bootstrap = broker.getBrokersAsString();
        Delivered.assertOncePerFranchiseInOrder(
                bootstrap, Topics.AGENT_HEARTBEATS, HeartbeatEvent.class, heartbeats, auction);
        Delivered.assertOncePerFranchiseInOrder(
                bootstrap, Topics.AGENT_DECISIONS, DecisionEvent.class, decisions, auction);
        Delivered.assertOncePerFranchiseInOrder(bootstrap, Topics.AGENT_BIDS, BidEvent.class, bids, auction);
        Delivered.assertOncePerFranchiseInOrder(
                bootstrap, Topics.AGENT_LLM_CALLS, LlmCallEvent.class, llmCalls, auction);
    }

    @Test
    void aFullQueueDropsTheOldestHeartbeatsFirstCountsThemAndNeverBlocks() {
        String auction = "OUT002";
        Franchise gt = Franchise.GT;
        // Long enough that the sender stays on its first record, waiting for metadata, while the test fills the queue.
        TelemetrySettings settings = TelemetrySettings.defaults()
                .withCapacity(5)
                .withMaxBlock(Duration.ofSeconds(30))
                .withCloseTimeout(Duration.ofSeconds(30));
        var d0 = decision(auction, gt, 0);
        var d1 = decision(auction, gt, 1);
        var b1 = bid(auction, gt, 1);
        var l1 = llmCall(auction, gt, 1);
        var hb1 = heartbeat(auction, gt, 1);
        var hb2 = heartbeat(auction, gt, 2);
        var hb3 = heartbeat(auction, gt, 3);
        var hb4 = heartbeat(auction, gt, 4);
        List<Duration> calls = new ArrayList<>();

        takeKafkaDown();
        KafkaTelemetry telemetry;
        try {
            // A producer that has never reached Kafka: it cannot even learn the topics' partitions.
            telemetry = new KafkaTelemetry(producerProperties(), settings);
            calls.add(timed(() -> telemetry.decision(d0)));
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> telemetry.stats().of(Topics.AGENT_DECISIONS).inFlight() == 1);

            calls.add(timed(() -> telemetry.heartbeat(hb1)));
            calls.add(timed(() -> telemetry.heartbeat(hb2)));
            calls.add(timed(() -> telemetry.heartbeat(hb3)));
            calls.add(timed(() -> telemetry.decision(d1))); // full: d0 in hand, hb1, hb2, hb3, d1
            calls.add(timed(() -> telemetry.bid(b1))); // drops hb1
            calls.add(timed(() -> telemetry.heartbeat(hb4))); // drops hb2
            calls.add(timed(() -> telemetry.llmCall(l1))); // drops hb3

            TelemetryStats full = telemetry.stats();
            assertThat(full.pending()).isEqualTo(5);
            assertThat(full.of(Topics.AGENT_HEARTBEATS).dropped()).isEqualTo(3);
            assertThat(full.of(Topics.AGENT_HEARTBEATS).queued()).isEqualTo(1);
            assertThat(full.dropped()).isEqualTo(3);
            assertThat(full.sent()).isZero();
        } finally {
            bringKafkaBack();
        }
        assertThat(calls).allSatisfy(call -> assertThat(call).isLessThan(NO_WAITING));

        await().atMost(Duration.ofMinutes(3)).until(() -> telemetry.stats().pending() == 0);
        telemetry.close();
        assertThat(telemetry.stats().sent()).isEqualTo(5);
        assertThat(telemetry.stats().dropped()).isEqualTo(3);

        String bootstrap = broker.getBrokersAsString();
        Delivered.assertOncePerFranchiseInOrder(
                bootstrap, Topics.AGENT_HEARTBEATS, HeartbeatEvent.class, List.of(hb4), auction);
        Delivered.assertOncePerFranchiseInOrder(
                bootstrap, Topics.AGENT_DECISIONS, DecisionEvent.class, List.of(d0, d1), auction);
        Delivered.assertOncePerFranchiseInOrder(bootstrap, Topics.AGENT_BIDS, BidEvent.class, List.of(b1), auction);
        Delivered.assertOncePerFranchiseInOrder(
                bootstrap, Topics.AGENT_LLM_CALLS, LlmCallEvent.class, List.of(l1), auction);
    }
}
