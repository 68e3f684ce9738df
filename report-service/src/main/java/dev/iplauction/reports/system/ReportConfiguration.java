package dev.iplauction.reports.system;

import dev.iplauction.contracts.Topics;
import dev.iplauction.reports.analysis.EventSource;
import dev.iplauction.reports.render.ReportFiles;
import dev.iplauction.reports.replay.ReplayService;
import dev.iplauction.reports.stream.DeadLetters;
import dev.iplauction.reports.stream.ReportListener;
import dev.iplauction.reports.stream.ReportStream;
import dev.iplauction.reports.stream.ReportTopology;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires the report stream, the report files and the replays from {@link ReportProperties}. */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    ReportFiles reportFiles(ReportProperties properties) {
        return new ReportFiles(Path.of(properties.dir()));
    }

    @Bean
    ReportListener reportListener(MeterRegistry registry) {
        Gauge.builder("reports.dead.letters", DeadLetters::sent)
                .description("unreadable records sent to dead-letter topics since start")
                .register(registry);
        Timer completedToDisk = Timer.builder("reports.completed.to.disk")
                .description("from an AuctionCompleted record's timestamp to its report on disk")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        return (report, events, since) -> {
            registry.counter("reports.written").increment();
            if (since >= 0) {
                completedToDisk.record(since, TimeUnit.MILLISECONDS);
            }
        };
    }

    @Bean
    ReportStream reportStream(
            ReportProperties properties, ReportFiles files, ReportListener listener, KafkaProperties kafka) {
        // Boot's spring.kafka.* (bootstrap, security, ssl, properties, streams.*) first, so a TLS or SASL cluster
        // reaches Streams and its clients as it reaches every other client; what the report needs on top.
        Properties config = new Properties();
        config.putAll(kafka.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.class);
        // At least once: a record processed again after a crash lands on the same store key, so it counts once.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // Streams' producer lingers 100 ms by default; the hop through the repartition topic should not.
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // auction-service writes in transactions: a report counts only what the auction house committed.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        return new ReportStream(
                ReportTopology.build(files, properties.settle(), properties.scanInterval(), listener), config);
    }

    @Bean
    ReplayService replayService(ReportProperties properties, KafkaProperties kafka) {
        return new ReplayService(
                kafka.buildConsumerProperties(), properties.replayTimeout(), properties.maxConcurrentReplays());
    }

    /**
     * The topics the stream reads and their dead-letter topics, created only where missing (Kafka Streams will not
     * start without its source topics, and the services that own them may start later). Retention from the catalogue,
     * partitions as their owners create them.
     */
    @Bean
    KafkaAdmin.NewTopics readTopics(ReportProperties properties) {
        if (!properties.createTopics()) {
            return new KafkaAdmin.NewTopics();
        }
        List<NewTopic> topics = new ArrayList<>();
        for (EventSource source : EventSource.values()) {
            Topics topic = source.topic();
            int partitions =
                    topic == Topics.AUCTION_EVENTS ? properties.auctionPartitions() : properties.agentPartitions();
            topics.add(TopicBuilder.name(topic.topicName())
                    .partitions(partitions)
                    .replicas(1)
                    .config(TopicConfig.RETENTION_MS_CONFIG, topic.retentionMs())
                    .build());
            topics.add(TopicBuilder.name(topic.deadLetterTopicName())
                    .partitions(topic == Topics.AUCTION_EVENTS ? 1 : partitions)
                    .replicas(1)
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
