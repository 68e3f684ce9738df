package dev.iplauction.agent.seat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.AgentCommand;
import dev.iplauction.kafkatest.ClientRecorder;
import dev.iplauction.kafkatest.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The seat listener on agent.commands on a real broker, wired as the service wires it: seats from the group or a static
 * list, commands, dead letters, and clients built from Boot's spring.kafka.* settings.
 */
class SeatCommandsIT {

    private static final String AUCTION = "CMDS01";
    private static final String PROBE = "probe";
    private static final String DEAD_LETTERS_CLIENT = "seat-dead-letters";
    /** Limits that only stop a hung test; sized for a loaded 2-core machine. */
    private static final Duration WAIT = Duration.ofMinutes(3);

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(
                1,
                Topics.SEAT_PARTITIONS,
                Topics.AGENT_COMMANDS.topicName(),
                Topics.AGENT_COMMANDS.deadLetterTopicName());
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void aGroupMemberHoldsEverySeatButThePeoplesTakesItsCommandsAndDeadLettersWhatItCannotRead() throws Exception {
        Recorder seats = new Recorder();
        agent(SeatCommands.of("commands-group", Set.of(), Set.of(Franchise.RCB), seats))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    await().atMost(WAIT)
                            .until(() -> seats.held().equals(EnumSet.complementOf(EnumSet.of(Franchise.RCB))));
                    awaitReadingFromTheEnd(seats, Franchise.CSK);

                    send(Franchise.CSK, "{\"type\":\"Explode\",\"franchise\":\"CSK\"}");
                    AgentCommand restart = new AgentCommand.RestartSeat(
                            AUCTION, Franchise.MI, Instant.parse("2026-11-25T10:00:00Z"), "agent-1", "silent for 30 s");
                    send(Franchise.MI, EventJson.mapper().writeValueAsString(restart));
                    send(
                            Franchise.RCB,
                            EventJson.mapper()
                                    .writeValueAsString(new AgentCommand.StopSeat(
                                            AUCTION,
                                            Franchise.RCB,
                                            Instant.parse("2026-11-25T10:00:01Z"),
                                            "agent-1",
                                            "people's seat")));

                    await().atMost(WAIT).until(() -> !seats.commands().isEmpty());
                    await().atMost(WAIT)
                            .untilAsserted(() -> assertThat(new TopicReader(broker.getBrokersAsString())
                                            .values(Topics.AGENT_COMMANDS.deadLetterTopicName(), JsonNode.class))
                                    .singleElement()
                                    .satisfies(d ->
                                            assertThat(d.get("type").asString()).isEqualTo("Explode")));
                    // Once the group has consumed to the end, a wrongly delivered StopSeat for RCB would have arrived.
                    awaitAllConsumed("commands-group");
                    assertThat(seats.commands())
                            .as("the commands after the unreadable one")
                            .containsExactly(restart);
                    // The listener's consumer and the dead letters' producer are built from Boot's spring.kafka.*.
                    assertThat(ClientRecorder.seen())
                            .anyMatch(c ->
                                    c.kind().equals("kafka.consumer") && c.id().startsWith(SeatCommands.LISTENER_ID))
                            .anyMatch(c -> c.kind().equals("kafka.producer") && c.id().startsWith(DEAD_LETTERS_CLIENT));
                });
        assertThat(seats.held()).as("stopping hands the seats back").isEmpty();
    }

    @Test
    void aStaticTeamListReadsOnlyItsOwnFranchisesCommands() throws Exception {
        Recorder seats = new Recorder();
        SeatCommands commands =
                SeatCommands.of("static-teams", EnumSet.of(Franchise.GT, Franchise.LSG), Set.of(), seats);
        assertThat(seats.held()).containsExactlyInAnyOrder(Franchise.GT, Franchise.LSG);
        agent(commands).run(context -> {
            assertThat(context).hasNotFailed();
            var container =
                    context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(SeatCommands.LISTENER_ID);
            await().atMost(WAIT).until(container::isRunning);
            assertThat(container.getAssignedPartitions())
                    .containsExactlyInAnyOrder(
                            new TopicPartition(Topics.AGENT_COMMANDS.topicName(), Topics.seatPartition(Franchise.GT)),
                            new TopicPartition(Topics.AGENT_COMMANDS.topicName(), Topics.seatPartition(Franchise.LSG)));
            awaitReadingFromTheEnd(seats, Franchise.GT);
            var forKkr = new AgentCommand.RestartSeat(AUCTION, Franchise.KKR, Instant.now(), "", "not ours");
            var forGt = new AgentCommand.RestartSeat(AUCTION, Franchise.GT, Instant.now(), "", "ours");
            send(Franchise.KKR, EventJson.mapper().writeValueAsString(forKkr));
            send(Franchise.GT, EventJson.mapper().writeValueAsString(forGt));
            await().atMost(WAIT).until(() -> !seats.commands().isEmpty());
            awaitAllConsumed("static-teams");
            assertThat(seats.commands()).containsExactly(forGt);
        });
    }

    /**
     * The agent's seat listener as the service wires it (AgentConfiguration): Boot's Kafka auto-configuration, the
     * listener bean and its container factory, with a setting given through {@code spring.kafka.*} that names every
     * client built from it.
     */
    private static ApplicationContextRunner agent(SeatCommands commands) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withPropertyValues(
                        "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.kafka.producer.client-id=" + DEAD_LETTERS_CLIENT,
                        "spring.kafka.properties.metric.reporters=" + ClientRecorder.class.getName())
                .withBean("seatCommands", SeatCommands.class, () -> commands)
                .withBean(SeatCommands.Listener.class, commands::listener)
                .withUserConfiguration(Factory.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Factory {
        @Bean(destroyMethod = "close")
        SeatCommands.DeadLetters deadLetters(KafkaProperties kafka) {
            return new SeatCommands.DeadLetters(kafka.buildProducerProperties());
        }

        @Bean(SeatCommands.CONTAINER_FACTORY)
        ConcurrentKafkaListenerContainerFactory<String, AgentCommand> factory(
                ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
                KafkaProperties kafka,
                SeatCommands commands,
                SeatCommands.DeadLetters deadLetters) {
            return SeatCommands.containerFactory(configurer, kafka, commands, deadLetters);
        }
    }

    /**
     * A new consumer starts at the end of its partitions (auto.offset.reset=latest), and where that end is gets
     * decided at its first poll: until then a command sent may be skipped. Probes are sent until one arrives; after
     * that every partition's position is set. The probes are left out of what the tests compare.
     */
    private static void awaitReadingFromTheEnd(Recorder seats, Franchise held) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            send(
                    held,
                    EventJson.mapper()
                            .writeValueAsString(new AgentCommand.RestartSeat(AUCTION, held, Instant.now(), "", PROBE)));
            return seats.commands.stream().anyMatch(SeatCommandsIT::isProbe);
        });
    }

    private static boolean isProbe(AgentCommand command) {
        return command instanceof AgentCommand.RestartSeat r && PROBE.equals(r.reason());
    }

    /** Waits until the group has consumed and committed everything on its partitions of agent.commands. */
    private static void awaitAllConsumed(String group) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return !committed.isEmpty()
                        && committed.entrySet().stream()
                                .allMatch(c -> c.getValue() != null
                                        && c.getValue().offset()
                                                == ends.get(c.getKey()).offset());
            });
        }
    }

    private static void send(Franchise franchise, String json) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.AGENT_COMMANDS.topicName(), Topics.seatPartition(franchise), franchise.code(), json))
                    .get();
        }
    }

    /** The seat manager's side: which seats it was given and which commands reached it. */
    private static final class Recorder implements SeatManager {
        private final Set<Franchise> held = EnumSet.noneOf(Franchise.class);
        final List<AgentCommand> commands = new CopyOnWriteArrayList<>();

        /** The commands that reached the seats, probes left out. */
        List<AgentCommand> commands() {
            return commands.stream().filter(c -> !isProbe(c)).toList();
        }

        @Override
        public synchronized void assigned(Collection<Franchise> franchises) {
            held.addAll(franchises);
        }

        @Override
        public synchronized void revoked(Collection<Franchise> franchises) {
            held.removeAll(franchises);
        }

        @Override
        public void command(AgentCommand command) {
            commands.add(command);
        }

        synchronized Set<Franchise> held() {
            return Set.copyOf(held);
        }
    }
}
