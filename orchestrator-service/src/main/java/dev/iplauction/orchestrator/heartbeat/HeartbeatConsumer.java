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
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumer of {@code agent.heartbeats}. On every (re)assignment it goes back {@code rebuildWindow} in time, so an
 * orchestrator that restarts rebuilds its view of the seats from the topic instead of starting blind. A record that
 * cannot be read, or that lacks a field a heartbeat needs, goes to {@code agent.heartbeats.DLT} as it came, and the
 * consumer carries on.
 *
 * <p>A {@code @KafkaListener} bean on a container factory of its own ({@link #containerFactory}, a bean named
 * {@value #CONTAINER_FACTORY}) that carries the rewind and the dead letters; its container is {@value #LISTENER_ID} in
 * Spring's listener registry, started and stopped with the context.
 */
public final class HeartbeatConsumer {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatConsumer.class);

    /** The bean name the listener's container factory must have. */
    public static final String CONTAINER_FACTORY = "heartbeatContainerFactory";
    /** The listener container's id in Spring's {@code KafkaListenerEndpointRegistry}. */
    public static final String LISTENER_ID = "heartbeats";

    private final String group;
    private final Consumer<Heartbeat> sink;

    /**
     * The listener (make it a bean) that hands each heartbeat to {@code sink}.
     *
     * @param group the consumer group; offsets are not relied on, every assignment seeks by time
     */
    public HeartbeatConsumer(String group, Consumer<Heartbeat> sink) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("the heartbeat consumer's group must be named");
        }
        this.group = group;
        this.sink = sink;
    }

    /** The consumer group (read by the listener's annotation). */
    public String group() {
        return group;
    }

    @KafkaListener(
            id = LISTENER_ID,
            containerFactory = CONTAINER_FACTORY,
            clientIdPrefix = LISTENER_ID,
            groupId = "#{__listener.group()}",
            topics = "#{T(dev.iplauction.contracts.Topics).AGENT_HEARTBEATS.topicName()}")
    void on(HeartbeatEvent event) {
        sink.accept(valid(event));
    }

    /**
     * The container factory for the listener: Boot's consumer settings ({@code spring.kafka.*}) with the heartbeats'
     * own on top, Boot's listener settings through its configurer.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ConcurrentKafkaListenerContainerFactory<String, HeartbeatEvent> containerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            KafkaProperties kafka,
            DeadLetters deadLetters,
            Duration rebuildWindow,
            Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var values = new ErrorHandlingDeserializer<>(
                new JacksonJsonDeserializer<>(HeartbeatEvent.class, EventJson.mapper(), false));
        ConsumerFactory<String, HeartbeatEvent> consumers =
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values);

        var factory = new ConcurrentKafkaListenerContainerFactory<String, HeartbeatEvent>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) consumers);
        factory.setConcurrency(1);
        factory.getContainerProperties().setConsumerRebalanceListener(new Rewind(rebuildWindow, clock));
        DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters.recoverer(), new FixedBackOff(0L, 0L));
        errors.addNotRetryableExceptions(InvalidHeartbeat.class);
        factory.setCommonErrorHandler(errors);
        return factory;
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
     * was invalid. The partition is left to the producer, so a DLT with fewer partitions still takes them. Not a
     * {@code ProducerFactory} bean (that would switch off Spring Boot's own); whoever makes it closes it.
     */
    public static final class DeadLetters implements AutoCloseable {
        private final DefaultKafkaProducerFactory<String, byte[]> raw;
        private final DefaultKafkaProducerFactory<String, Object> json;

        public DeadLetters(Map<String, Object> producerProperties) {
            this.raw = new DefaultKafkaProducerFactory<>(
                    producerProperties, new StringSerializer(), new ByteArraySerializer());
            this.json = new DefaultKafkaProducerFactory<>(
                    producerProperties,
                    new StringSerializer(),
                    new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        }

        DeadLetterPublishingRecoverer recoverer() {
            Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
            templates.put(byte[].class, new KafkaTemplate<>(raw));
            templates.put(Object.class, new KafkaTemplate<>(json));
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                    templates, (record, e) -> new TopicPartition(Topics.AGENT_HEARTBEATS.deadLetterTopicName(), -1));
            recoverer.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
            return recoverer;
        }

        @Override
        public void close() {
            raw.destroy();
            json.destroy();
        }
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
