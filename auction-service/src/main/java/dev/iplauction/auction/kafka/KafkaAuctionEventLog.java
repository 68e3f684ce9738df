package dev.iplauction.auction.kafka;

import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.support.kafka.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * {@code auction.events} on Kafka: appends keyed by auction code (so one auction stays in one partition, in order)
 * through an idempotent producer with acks=all, and reads the whole topic back to rebuild auctions.
 *
 * <p>A record that cannot be read is copied to the dead-letter topic and skipped; the rest of its auction still loads
 * (and fails loudly in the rules engine if a gap makes it inconsistent).
 */
public final class KafkaAuctionEventLog implements AuctionEventLog {

    private static final Logger log = LoggerFactory.getLogger(KafkaAuctionEventLog.class);
    private static final String TOPIC = Topics.AUCTION_EVENTS.topicName();

    private final KafkaTemplate<String, AuctionEvent> template;
    private final KafkaTemplate<byte[], byte[]> deadLetters;
    private final ConsumerFactory<byte[], byte[]> consumers;

    public KafkaAuctionEventLog(
            KafkaTemplate<String, AuctionEvent> template,
            KafkaTemplate<byte[], byte[]> deadLetters,
            ConsumerFactory<byte[], byte[]> consumers) {
        this.template = template;
        this.deadLetters = deadLetters;
        this.consumers = consumers;
    }

    @Override
    public CompletableFuture<Void> append(String auctionCode, List<AuctionEvent> events) {
        CompletableFuture<?>[] sends = events.stream()
                .map(e -> template.send(new ProducerRecord<>(TOPIC, auctionCode, e)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }

    @Override
    public Map<String, List<AuctionEvent>> readAll() {
        Map<String, List<AuctionEvent>> byAuction = new LinkedHashMap<>();
        try (Consumer<byte[], byte[]> consumer = consumers.createConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(TOPIC, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    records++;
                    read(record)
                            .ifPresent(e -> byAuction
                                    .computeIfAbsent(e.auctionCode(), k -> new ArrayList<>())
                                    .add(e));
                }
            }
            log.info("read {} records of {} auctions from {}", records, byAuction.size(), TOPIC);
        }
        return byAuction;
    }

    private Optional<AuctionEvent> read(ConsumerRecord<byte[], byte[]> record) {
        try {
            return Optional.of(EventJson.mapper().readValue(record.value(), AuctionEvent.class));
        } catch (RuntimeException e) {
            log.error(
                    "unreadable record at {}-{}@{} sent to {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    Topics.AUCTION_EVENTS.deadLetterTopicName(),
                    e.getMessage());
            // Spring Kafka's dead-letter headers, so a reader can tell a record re-sent by a later rebuild.
            deadLetters.send(DeadLetter.of(
                    Topics.AUCTION_EVENTS.deadLetterTopicName(), record, String.valueOf(e.getMessage()), null));
            return Optional.empty();
        }
    }
}
