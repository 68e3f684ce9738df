package dev.iplauction.auction.kafka;

import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/** The auction service's Kafka wiring: its topic, a durable ordered producer, and the reader that rebuilds auctions. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics auctionTopics(
            @Value("${auction.kafka.partitions:3}") int partitions,
            @Value("${auction.kafka.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.AUCTION_EVENTS.topicName())
                        .partitions(partitions)
                        .replicas(replicas)
                        .config(TopicConfig.RETENTION_MS_CONFIG, Topics.AUCTION_EVENTS.retentionMs())
                        .build(),
                TopicBuilder.name(Topics.AUCTION_EVENTS.deadLetterTopicName())
                        .partitions(1)
                        .replicas(replicas)
                        .build());
    }

    @Bean
    KafkaTemplate<String, AuctionEvent> auctionEventTemplate(KafkaProperties properties) {
        Map<String, Object> config = durable(properties.buildProducerProperties());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                config,
                new StringSerializer(),
                new JacksonJsonSerializer<AuctionEvent>(EventJson.mapper()).noTypeInfo()));
    }

    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties properties) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                durable(properties.buildProducerProperties()), new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @Bean
    AuctionEventLog auctionEventLog(
            KafkaTemplate<String, AuctionEvent> auctionEventTemplate,
            KafkaTemplate<byte[], byte[]> deadLetterTemplate,
            KafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        var consumers =
                new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        return new KafkaAuctionEventLog(auctionEventTemplate, deadLetterTemplate, consumers);
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
