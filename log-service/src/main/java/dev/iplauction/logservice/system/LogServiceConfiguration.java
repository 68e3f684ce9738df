package dev.iplauction.logservice.system;

import dev.iplauction.contracts.Topics;
import dev.iplauction.logservice.ingest.Ingestion;
import dev.iplauction.logservice.ingest.KafkaDeadLetters;
import dev.iplauction.logservice.ingest.LogIngester;
import dev.iplauction.logservice.query.LiveTail;
import dev.iplauction.logservice.store.CombinedLog;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The wiring: {@code agent.logs} (this service owns it: its partitions and 7-day retention) and its dead-letter
 * topic, the combined log opened (and recovered) from its directory, and the ingest that feeds it from a plain
 * consumer without a group: the file, not Kafka, keeps the position.
 */
@Configuration(proxyBeanMethods = false)
class LogServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaAdmin.NewTopics logTopics(LogServiceProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.AGENT_LOGS.topicName())
                        .partitions(properties.partitions())
                        .replicas(properties.replicas())
                        .config(TopicConfig.RETENTION_MS_CONFIG, Topics.AGENT_LOGS.retentionMs())
                        .build(),
                TopicBuilder.name(Topics.AGENT_LOGS.deadLetterTopicName())
                        .partitions(1)
                        .replicas(properties.replicas())
                        .config(TopicConfig.RETENTION_MS_CONFIG, Topics.AGENT_LOGS.retentionMs())
                        .build());
    }

    @Bean
    CombinedLog combinedLog(LogServiceProperties properties, Clock clock) {
        return CombinedLog.open(
                new CombinedLog.Settings(
                        properties.directory(),
                        properties.maxFileSize().toBytes(),
                        properties.maxFiles(),
                        properties.maxAge()),
                clock);
    }

    @Bean
    LiveTail liveTail(LogServiceProperties properties) {
        return new LiveTail(properties.tailMaxSubscribers(), properties.tailQueue(), properties.tailTimeout());
    }

    @Bean(destroyMethod = "close")
    KafkaDeadLetters deadLetters(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "log-service-dlt");
        return new KafkaDeadLetters(
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                Topics.AGENT_LOGS.deadLetterTopicName());
    }

    @Bean
    LogIngester logIngester(
            KafkaProperties kafka,
            LogServiceProperties properties,
            CombinedLog combinedLog,
            KafkaDeadLetters deadLetters,
            LiveTail liveTail,
            Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "log-service");
        var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Ingestion ingestion = new Ingestion(
                consumer,
                Topics.AGENT_LOGS.topicName(),
                combinedLog,
                deadLetters,
                clock,
                properties.reorderWindow(),
                properties.maxHeld(),
                liveTail::publish);
        return new LogIngester(consumer, combinedLog, ingestion, properties.commitInterval());
    }

    @Bean
    HealthIndicator ingest(LogIngester ingester) {
        return () -> ingester.failure() == null
                ? Health.up().withDetail("status", ingester.status()).build()
                : Health.down().withDetail("failure", ingester.failure()).build();
    }
}
