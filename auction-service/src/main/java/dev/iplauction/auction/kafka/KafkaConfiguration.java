package dev.iplauction.auction.kafka;

import dev.iplauction.auction.system.AuctionProperties;
import dev.iplauction.contracts.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The auction service's Kafka wiring: its topic, a durable ordered producer, and the reader that rebuilds auctions. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics auctionTopics(EventLogSettings settings) {
        // With three brokers (the ha profile): replicas 3, min.insync.replicas 2, so acks=all means two copies.
        int partitions = settings.partitions();
        int replicas = settings.replicas();
        String minIsr = String.valueOf(settings.minInsyncReplicas());
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.AUCTION_EVENTS.topicName())
                        .partitions(partitions)
                        .replicas(replicas)
                        .config(TopicConfig.RETENTION_MS_CONFIG, Topics.AUCTION_EVENTS.retentionMs())
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr)
                        .build(),
                TopicBuilder.name(Topics.AUCTION_EVENTS.deadLetterTopicName())
                        .partitions(1)
                        .replicas(replicas)
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr)
                        .build());
    }

    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties properties) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                durable(properties.buildProducerProperties()), new ByteArraySerializer(), new ByteArraySerializer()));
    }

    /**
     * The single transactional writer. Its timeouts are bounded by the house's write timeout, so Kafka gives up on a
     * record no later than the house does; a transaction it gives up is settled (aborted, or finished if already
     * committing) by the next producer with the same transactional id before the log is read again.
     */
    @Bean(destroyMethod = "close")
    KafkaAuctionEventLog auctionEventLog(
            KafkaTemplate<byte[], byte[]> deadLetterTemplate,
            KafkaProperties properties,
            AuctionProperties auction,
            EventLogSettings settings) {
        Map<String, Object> producer = durable(properties.buildProducerProperties());
        int timeout = (int) Math.max(1000, auction.writeTimeout().toMillis());
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.max(10_000, 3 * timeout));
        // Room for the largest event the house lets through, plus the record's framing.
        producer.put(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(1_048_576, settings.maxRecordBytes() + 64 * 1024));
        Map<String, Object> consumer = new HashMap<>(properties.buildConsumerProperties());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        var consumers =
                new DefaultKafkaConsumerFactory<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        return new KafkaAuctionEventLog(
                () -> new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer()),
                deadLetterTemplate,
                consumers,
                settings.maxRecordBytes(),
                settings.readTimeout());
    }

    /** Every auction event must survive a broker failover and never be written twice or out of order. */
    private static Map<String, Object> durable(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }
}
