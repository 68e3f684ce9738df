package dev.iplauction.agent.seat;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.AgentCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumer of {@code agent.commands} that is also the seat assignment: in the shared consumer group, the
 * partitions Kafka gives this instance are its seats; with a static team list, it reads just those franchises'
 * partitions and plays them. A command that cannot be read goes to {@code agent.commands.DLT} and the consumer carries
 * on.
 *
 * <p>Three beans: this ({@link #of}), its {@code @KafkaListener} ({@link #listener}), and the listener's container
 * factory ({@link #containerFactory}, a bean named {@value #CONTAINER_FACTORY}), which carries what an annotation
 * cannot say: the rebalance listener that turns partitions into seats, and the dead-letter publisher. The container is
 * {@value #LISTENER_ID} in Spring's listener registry, started and stopped with the context.
 */
public final class SeatCommands {

    /** The bean name the listener's container factory must have. */
    public static final String CONTAINER_FACTORY = "seatCommandsContainerFactory";
    /** The listener container's id in Spring's {@code KafkaListenerEndpointRegistry}. */
    public static final String LISTENER_ID = "seat-commands";

    private final String group;
    private final List<Integer> partitions;
    private final SeatAssignment assignment;

    private SeatCommands(String group, List<Integer> partitions, SeatAssignment assignment) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("the seat commands' consumer group must be named");
        }
        this.group = group;
        this.partitions = partitions;
        this.assignment = assignment;
    }

    /**
     * The seat commands of this instance.
     *
     * @param teams a static team list; empty to join the group
     * @param skip franchises left to people
     */
    public static SeatCommands of(String group, Set<Franchise> teams, Set<Franchise> skip, SeatManager seats) {
        SeatAssignment assignment = new SeatAssignment(seats, skip);
        if (!teams.isEmpty()) {
            // Manually assigned partitions bring no rebalance: the static seats are this instance's from the start.
            seats.assigned(
                    teams.stream().filter(f -> !skip.contains(f)).sorted().toList());
        }
        return new SeatCommands(
                group, teams.stream().map(Topics::seatPartition).sorted().toList(), assignment);
    }

    /** The listener (make it a bean): joins the group, or reads the static team list's partitions. */
    public Listener listener() {
        return partitions.isEmpty() ? new FromGroup(this) : new FromTeams(this);
    }

    private boolean fromGroup() {
        return partitions.isEmpty();
    }

    /** The {@code @KafkaListener} on agent.commands; its annotation reads the group and the partitions from here. */
    public abstract static sealed class Listener permits FromGroup, FromTeams {
        private final SeatCommands commands;

        private Listener(SeatCommands commands) {
            this.commands = commands;
        }

        public String group() {
            return commands.group;
        }

        public List<Integer> partitions() {
            return commands.partitions;
        }

        void accept(AgentCommand command) {
            commands.assignment.command(command);
        }
    }

    /** Joins the group: Kafka's assignment decides the seats. */
    static final class FromGroup extends Listener {

        FromGroup(SeatCommands commands) {
            super(commands);
        }

        @KafkaListener(
                id = LISTENER_ID,
                containerFactory = CONTAINER_FACTORY,
                clientIdPrefix = LISTENER_ID,
                groupId = "#{__listener.group()}",
                topics = "#{T(dev.iplauction.contracts.Topics).AGENT_COMMANDS.topicName()}")
        void on(AgentCommand command) {
            accept(command);
        }
    }

    /** Reads the listed franchises' partitions, whoever else does. */
    static final class FromTeams extends Listener {

        FromTeams(SeatCommands commands) {
            super(commands);
        }

        @KafkaListener(
                id = LISTENER_ID,
                containerFactory = CONTAINER_FACTORY,
                clientIdPrefix = LISTENER_ID,
                groupId = "#{__listener.group()}",
                topicPartitions =
                        @org.springframework.kafka.annotation.TopicPartition(
                                topic = "#{T(dev.iplauction.contracts.Topics).AGENT_COMMANDS.topicName()}",
                                partitions = "#{__listener.partitions()}"))
        void on(AgentCommand command) {
            accept(command);
        }
    }

    /**
     * The container factory for the listener: Boot's consumer settings ({@code spring.kafka.*}) with what seats need
     * on top, Boot's listener settings ({@code spring.kafka.listener.*}) through its configurer.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ConcurrentKafkaListenerContainerFactory<String, AgentCommand> containerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            KafkaProperties kafka,
            SeatCommands commands,
            DeadLetters deadLetters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        // Seats must move within seconds of an instance dying, and an unaffected seat must not move at all.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1500);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"); // a command is only worth acting on when fresh
        var values = new ErrorHandlingDeserializer<>(
                new JacksonJsonDeserializer<>(AgentCommand.class, EventJson.mapper(), false));
        ConsumerFactory<String, AgentCommand> consumers =
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values);

        var factory = new ConcurrentKafkaListenerContainerFactory<String, AgentCommand>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) consumers);
        // One consumer: the group's members are the instances, not threads within one.
        factory.setConcurrency(1);
        if (commands.fromGroup()) {
            factory.getContainerProperties().setConsumerRebalanceListener(commands.assignment);
        }
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                new DeadLetterPublishingRecoverer(
                        new KafkaTemplate<>(deadLetters.producers),
                        // Spring Kafka 4 would name it agent.commands-dlt; the project's contract is <topic>.DLT.
                        (record, failure) -> new TopicPartition(Topics.AGENT_COMMANDS.deadLetterTopicName(), -1)),
                new FixedBackOff(0L, 0L)));
        return factory;
    }

    /**
     * The producers for dead letters: an unreadable record's own bytes go as they came, anything else as its JSON. Not
     * a {@code ProducerFactory} bean (that would switch off Spring Boot's own); whoever makes it closes it.
     */
    public static final class DeadLetters implements AutoCloseable {
        private final DefaultKafkaProducerFactory<String, Object> producers;

        public DeadLetters(Map<String, Object> producerProperties) {
            Serializer<Object> json = new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo();
            Serializer<Object> values =
                    (topic, value) -> value instanceof byte[] raw ? raw : json.serialize(topic, value);
            this.producers = new DefaultKafkaProducerFactory<>(producerProperties, new StringSerializer(), values);
        }

        @Override
        public void close() {
            producers.destroy();
        }
    }
}
