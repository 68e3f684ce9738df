package dev.iplauction.orchestrator.heartbeat;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumer of {@code agent.heartbeats}. On every (re)assignment it goes back {@code rebuildWindow} in time, so an
 * orchestrator that restarts rebuilds its view of the seats from the topic instead of starting blind. A record that
 * cannot be read, or that lacks a field a heartbeat needs, goes to {@code agent.heartbeats.DLT} as it came, and the
 * consumer carries on.
 */
public final class HeartbeatConsumer {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatConsumer.class);

    private HeartbeatConsumer() {}

    /**
     * A listener container (a Spring lifecycle bean, or started by hand) that hands each heartbeat to {@code sink}.
     *
     * @param group the consumer group; offsets are not relied on, every assignment seeks by time
     */
    public static KafkaMessageListenerContainer<String, HeartbeatEvent> container(
            Map<String, Object> consumerProperties,
            Map<String, Object> producerProperties,
            String group,
            Duration rebuildWindow,
            Clock clock,
            Consumer<Heartbeat> sink) {
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var values = new ErrorHandlingDeserializer<>(
                new JacksonJsonDeserializer<>(HeartbeatEvent.class, EventJson.mapper(), false));
        var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values);

        ContainerProperties container = new ContainerProperties(Topics.AGENT_HEARTBEATS.topicName());
        container.setGroupId(group);
        container.setConsumerRebalanceListener(new Rewind(rebuildWindow, clock));
        container.setMessageListener(
                (MessageListener<String, HeartbeatEvent>) record -> sink.accept(valid(record.value())));

        var listener = new KafkaMessageListenerContainer<>(consumers, container);
        DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters(producerProperties), new FixedBackOff(0L, 0L));
        errors.addNotRetryableExceptions(InvalidHeartbeat.class);
        listener.setCommonErrorHandler(errors);
        return listener;
    }

    static Heartbeat valid(HeartbeatEvent event) {
        if (!(event instanceof Heartbeat heartbeat)) {
            throw new InvalidHeartbeat("not a heartbeat: " + event);
        }
        if (heartbeat.auctionCode() == null || heartbeat.auctionCode().isBlank()) {
            throw new InvalidHeartbeat("heartbeat without an auction code");
        }
        if (heartbeat.franchise() == null) {
            throw new InvalidHeartbeat("heartbeat without a franchise");
        }
        if (heartbeat.at() == null) {
            throw new InvalidHeartbeat("heartbeat of " + heartbeat.franchise() + " without a time");
        }
        if (heartbeat.instanceId() == null || heartbeat.instanceId().isBlank()) {
            throw new InvalidHeartbeat("heartbeat of " + heartbeat.franchise() + " without an instance id");
        }
        if (heartbeat.state() == null) {
            throw new InvalidHeartbeat("heartbeat of " + heartbeat.franchise() + " without a state");
        }
        return heartbeat;
    }

    /**
     * Dead letters keep the record as it came: the raw bytes of one that could not be read, the value of one that
     * was invalid. The partition is left to the producer, so a DLT with fewer partitions still takes them.
     */
    private static DeadLetterPublishingRecoverer deadLetters(Map<String, Object> producerProperties) {
        KafkaOperations<String, byte[]> raw = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                producerProperties, new StringSerializer(), new ByteArraySerializer()));
        KafkaOperations<String, Object> json = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                producerProperties,
                new StringSerializer(),
                new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo()));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, raw);
        templates.put(Object.class, json);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                templates, (record, e) -> new TopicPartition(Topics.AGENT_HEARTBEATS.deadLetterTopicName(), -1));
        recoverer.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        return recoverer;
    }

    /** Seeks every assigned partition back to the first record of the rebuild window. */
    private record Rewind(Duration window, Clock clock) implements ConsumerAwareRebalanceListener {

        @Override
        public void onPartitionsAssigned(
                org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            long since = clock.instant().minus(window).toEpochMilli();
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, since));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = offsets.get(partition);
                if (offset != null) {
                    consumer.seek(partition, offset.offset());
                } else {
                    consumer.seekToEnd(java.util.List.of(partition));
                }
            }
            log.info(
                    "reading heartbeats of the last {} from {} partitions to rebuild the seats",
                    window,
                    partitions.size());
        }
    }
}
