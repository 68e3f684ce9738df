package dev.iplauction.agent.telemetry;

import static dev.iplauction.agent.telemetry.TestEvents.bid;
import static dev.iplauction.agent.telemetry.TestEvents.decision;
import static dev.iplauction.agent.telemetry.TestEvents.heartbeat;
import static dev.iplauction.agent.telemetry.TestEvents.llmCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.LlmCallEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Telemetry against a real (embedded, KRaft) broker: every event kind on its topic, keyed, readable, in order. */
class KafkaTelemetryIT {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        TestLogging.quietKafka();
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        broker.addTopics(AgentTopics.newTopics().toArray(NewTopic[]::new));
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    private static Map<String, Object> producerProperties() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    }

    @Test
    void everyEventKindArrivesOnItsTopicKeyedByFranchiseReadableAsItsInterfaceInOrderPerKey() {
        String auction = "TLM001";
        List<Franchise> franchises = List.of(Franchise.MI, Franchise.CSK, Franchise.RCB);
        List<HeartbeatEvent> heartbeats = new ArrayList<>();
        List<DecisionEvent> decisions = new ArrayList<>();
        List<BidEvent> bids = new ArrayList<>();
        List<LlmCallEvent> llmCalls = new ArrayList<>();

        var telemetry = new KafkaTelemetry(producerProperties(), TelemetrySettings.defaults());
        for (int i = 1; i <= 20; i++) {
            for (Franchise franchise : franchises) {
                var heartbeat = heartbeat(auction, franchise, i);
                telemetry.heartbeat(heartbeat);
                heartbeats.add(heartbeat);
                var decision = decision(auction, franchise, i);
                telemetry.decision(decision);
                decisions.add(decision);
                var bid = bid(auction, franchise, i);
                telemetry.bid(bid);
                bids.add(bid);
                if (i % 2 == 0) {
                    var call = llmCall(auction, franchise, i);
                    telemetry.llmCall(call);
                    llmCalls.add(call);
                }
            }
        }
        // Closing straight away: close must send what is still queued.
        telemetry.close();

        TelemetryStats stats = telemetry.stats();
        assertThat(stats.sent()).isEqualTo(60 + 60 + 60 + 30);
        assertThat(stats.pending()).isZero();
        assertThat(stats.dropped()).isZero();
        assertThat(stats.of(Topics.AGENT_LLM_CALLS).sent()).isEqualTo(30);

        assertArrivedInOrderPerFranchise(Topics.AGENT_HEARTBEATS, HeartbeatEvent.class, heartbeats, auction);
        assertArrivedInOrderPerFranchise(Topics.AGENT_DECISIONS, DecisionEvent.class, decisions, auction);
        assertArrivedInOrderPerFranchise(Topics.AGENT_BIDS, BidEvent.class, bids, auction);
        assertArrivedInOrderPerFranchise(Topics.AGENT_LLM_CALLS, LlmCallEvent.class, llmCalls, auction);
    }

    @Test
    void valuesAreEventJsonWithLogicalTypeNamesAndNoTypeHeaders() {
        String auction = "TLM002";
        try (var telemetry = new KafkaTelemetry(producerProperties(), TelemetrySettings.defaults())) {
            telemetry.bid(bid(auction, Franchise.KKR, 7));
        }

        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.AGENT_BIDS.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        var record = read.stream()
                .filter(r -> r.value().contains(auction))
                .findFirst()
                .orElseThrow();
        assertThat(record.key()).isEqualTo("KKR");
        assertThat(record.headers().toArray()).isEmpty();
        assertThat(record.value())
                .startsWith("{\"type\":\"BidPlaced\"")
                .contains("\"at\":\"2024-11-24T10:15:37Z\"")
                .doesNotContain("dev.iplauction");
    }

    @Test
    void declaresTheTopicsItOwnsWithOnePartitionPerFranchiseTheirRetentionAndDeadLetterTopics() throws Exception {
        List<String> names = Topics.ownedBy("agent-service").stream()
                .flatMap(t -> java.util.stream.Stream.of(t.topicName(), t.deadLetterTopicName()))
                .toList();
        Map<String, TopicDescription> described = broker.doWithAdminFunction(admin -> {
            try {
                return admin.describeTopics(names).allTopicNames().get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(described.keySet())
                .containsExactlyInAnyOrder(
                        "agent.heartbeats",
                        "agent.heartbeats.DLT",
                        "agent.decisions",
                        "agent.decisions.DLT",
                        "agent.bids",
                        "agent.bids.DLT",
                        "agent.llm-calls",
                        "agent.llm-calls.DLT");
        assertThat(described.values())
                .allSatisfy(d -> assertThat(d.partitions()).hasSize(10));

        var resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                .toList();
        var configs = broker.doWithAdminFunction(admin -> {
            try {
                return admin.describeConfigs(resources).all().get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (Topics topic : Topics.ownedBy("agent-service")) {
            for (String name : List.of(topic.topicName(), topic.deadLetterTopicName())) {
                var retention = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .get(TopicConfig.RETENTION_MS_CONFIG)
                        .value();
                assertThat(retention).as(name).isEqualTo(topic.retentionMs());
            }
        }
        assertThat(Topics.AGENT_HEARTBEATS.retentionMs())
                .isEqualTo(String.valueOf(Duration.ofDays(1).toMillis()));
    }

    private static <T> void assertArrivedInOrderPerFranchise(
            Topics topic, Class<T> type, List<? extends T> published, String auction) {
        Delivered.assertOncePerFranchiseInOrder(broker.getBrokersAsString(), topic, type, published, auction);
    }
}
