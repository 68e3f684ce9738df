package dev.iplauction.agent.seat;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.AgentCommand;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumer of {@code agent.commands} that is also the seat assignment: in the shared consumer group, the
 * partitions Kafka gives this instance are its seats; with a static team list, it reads just those franchises'
 * partitions and plays them. A command that cannot be read goes to {@code agent.commands.DLT} and the consumer carries
 * on.
 */
public final class SeatCommands {

    private SeatCommands() {}

    /**
     * A listener container (start it, or let Spring start it as a bean) for these seats.
     *
     * @param consumerProperties the base consumer settings (bootstrap servers …)
     * @param deadLetters where unreadable commands go; its owner closes it
     * @param teams a static team list; empty to join the group
     * @param skip franchises left to people
     */
    public static KafkaMessageListenerContainer<String, AgentCommand> container(
            Map<String, Object> consumerProperties,
            DeadLetters deadLetters,
            String group,
            Set<Franchise> teams,
            Set<Franchise> skip,
            SeatManager seats) {
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        // Seats must move within seconds of an instance dying, and an unaffected seat must not move at all.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1500);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"); // a command is only worth acting on when fresh
        var values = new ErrorHandlingDeserializer<>(
                new JacksonJsonDeserializer<>(AgentCommand.class, EventJson.mapper(), false));
        var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values);

        SeatAssignment assignment = new SeatAssignment(seats, skip);
        ContainerProperties container;
        if (teams.isEmpty()) {
            container = new ContainerProperties(Topics.AGENT_COMMANDS.topicName());
            container.setConsumerRebalanceListener(assignment);
        } else {
            container = new ContainerProperties(teams.stream()
                    .map(f -> new TopicPartitionOffset(Topics.AGENT_COMMANDS.topicName(), Topics.seatPartition(f)))
                    .toArray(TopicPartitionOffset[]::new));
        }
        container.setGroupId(group);
        container.setMessageListener(
                (MessageListener<String, AgentCommand>) record -> assignment.command(record.value()));

        var listener = new KafkaMessageListenerContainer<>(consumers, container);
        listener.setCommonErrorHandler(new DefaultErrorHandler(
                new DeadLetterPublishingRecoverer(
                        new KafkaTemplate<>(deadLetters.producers),
                        // Spring Kafka 4 would name it agent.commands-dlt; the project's contract is <topic>.DLT.
                        (record, failure) -> new TopicPartition(Topics.AGENT_COMMANDS.deadLetterTopicName(), -1)),
                new FixedBackOff(0L, 0L)));
        if (!teams.isEmpty()) {
            // Manually assigned partitions bring no rebalance: the static seats are this instance's from the start.
            seats.assigned(
                    teams.stream().filter(f -> !skip.contains(f)).sorted().toList());
        }
        return listener;
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
