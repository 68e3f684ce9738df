package dev.iplauction.agent.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.agent.AgentServiceApplication;
import dev.iplauction.agent.telemetry.AgentTopics;
import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.kafkatest.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * Where the end-to-end tests play: a real Kafka broker, the auction house as its own process, and agent-service
 * instances started in this JVM (each with its own Chromium), plus readers for what they all wrote to Kafka.
 */
final class Arena implements AutoCloseable {

    /** The longest seats may take to reach a state they are sure to reach. */
    static final Duration SEATING = Duration.ofMinutes(6);

    private final EmbeddedKafkaKraftBroker broker;
    private final AuctionHouseProcess house;
    private final TopicReader topics;

    private Arena(EmbeddedKafkaKraftBroker broker, AuctionHouseProcess house) {
        this.broker = broker;
        this.house = house;
        this.topics = new TopicReader(broker.getBrokersAsString());
    }

    static Arena open(String name) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // The auction house writes in transactions: one broker must be enough for the transaction log.
        broker.brokerProperties(
                Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        try {
            createAgentTopics(broker.getBrokersAsString());
            return new Arena(
                    broker,
                    AuctionHouseProcess.builder(broker.getBrokersAsString())
                            .name(name)
                            .start());
        } catch (RuntimeException e) {
            broker.destroy();
            throw e;
        }
    }

    /**
     * The agents' topics, made before any agent starts, as Compose makes them before the services start: several agent
     * instances starting at once then never race each other's topic creation, nor write to a topic still being made.
     */
    private static void createAgentTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(AgentTopics.declared()).all().get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the agents' topics: " + e, e);
        }
    }

    AuctionHouseProcess house() {
        return house;
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /**
     * One agent-service instance for this auction with the given extra {@code --name=value} settings; LLM off unless
     * they set {@code --agent.llm.enabled}.
     */
    ConfigurableApplicationContext startAgents(String code, Duration heartbeat, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--server.port=0",
                "--agent.auction-url=" + house.baseUrl(),
                "--agent.auction-code=" + code,
                "--agent.heartbeat-interval=" + heartbeat.toMillis() + "ms",
                "--agent.refresh-interval=1s",
                "--agent.browser.executable-path=" + System.getProperty("chromium.path", ""),
                // As the agent image starts them: a bean that only works when made eagerly fails here too.
                "--spring.main.lazy-initialization=true"));
        // LLM off unless the caller turns it on (a repeated argument would bind as a list, not override).
        if (java.util.Arrays.stream(extra).noneMatch(e -> e.startsWith("--agent.llm.enabled="))) {
            args.add("--agent.llm.enabled=false");
        }
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(AgentServiceApplication.class)
                .properties("spring.main.banner-mode=off")
                .run(args.toArray(String[]::new));
    }

    List<AuctionEvent> auctionEvents(String code) {
        return topics.values(Topics.AUCTION_EVENTS.topicName(), AuctionEvent.class).stream()
                .filter(e -> e.auctionCode().equals(code))
                .toList();
    }

    List<Heartbeat> heartbeats(String code) {
        return topics.values(Topics.AGENT_HEARTBEATS.topicName(), HeartbeatEvent.class).stream()
                .map(Heartbeat.class::cast)
                .filter(h -> h.auctionCode().equals(code))
                .toList();
    }

    List<DecisionMade> decisions(String code) {
        return topics.values(Topics.AGENT_DECISIONS.topicName(), DecisionEvent.class).stream()
                .map(DecisionMade.class::cast)
                .filter(d -> d.auctionCode().equals(code))
                .toList();
    }

    List<BidPlaced> bids(String code) {
        return topics.values(Topics.AGENT_BIDS.topicName(), BidEvent.class).stream()
                .map(BidPlaced.class::cast)
                .filter(b -> b.auctionCode().equals(code))
                .toList();
    }

    /** Like a host who waits for every franchise to be in the room: each seat's heartbeat says it waits for the start. */
    void awaitSeatsReady(String code, Set<Franchise> seats) {
        awaitSeatsIn(code, seats, SeatState.WAITING_FOR_START);
    }

    /**
     * Waits until each of the seats has reported the state in a heartbeat. Nine Chromiums starting together on a
     * loaded 2-core machine have taken over 90 s to seat; the limit is sized for the worst machine, not the usual.
     */
    void awaitSeatsIn(String code, Set<Franchise> seats, SeatState state) {
        await().atMost(SEATING)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(heartbeats(code).stream()
                                .filter(h -> h.state() == state)
                                .map(Heartbeat::franchise)
                                .collect(Collectors.toSet()))
                        .as(() -> "seats of %s in %s; each seat's last heartbeat: %s; the house: %s"
                                .formatted(code, state, lastStates(code), house.state(code)))
                        .containsAll(seats));
    }

    /** Each seat's last reported state and instance, for a failure's message. */
    Map<Franchise, String> lastStates(String code) {
        Map<Franchise, String> last = new TreeMap<>();
        for (Heartbeat h : heartbeats(code)) {
            last.put(h.franchise(), h.state() + " from " + h.instanceId() + " at " + h.at());
        }
        return last;
    }

    int seatsTaken(String code) {
        int taken = 0;
        for (JsonNode f : house.state(code).get("franchises")) {
            if (f.get("seatTaken").asBoolean()) {
                taken++;
            }
        }
        return taken;
    }

    /** What happened, for the test's output: what the auction came to and how each franchise's bids went. */
    void printSummary(String code) {
        Map<String, Long> kinds = auctionEvents(code).stream()
                .collect(Collectors.groupingBy(e -> e.getClass().getSimpleName(), TreeMap::new, Collectors.counting()));
        System.out.println("auction " + code + " events: " + kinds);
        Map<String, Long> outcomes = bids(code).stream()
                .collect(Collectors.groupingBy(
                        b -> b.franchise() + " " + b.outcome() + (b.reason() == null ? "" : " " + b.reason()),
                        TreeMap::new,
                        Collectors.counting()));
        System.out.println("agent bids: " + outcomes);
    }

    @Override
    public void close() {
        try {
            house.close();
        } finally {
            broker.destroy();
        }
    }
}
