package dev.iplauction.auction.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the house keeps its event log on Kafka ({@code auction.kafka.*}, or environment variables such as
 * {@code AUCTION_KAFKA_REPLICAS}). A value out of range stops the start with a message naming the property.
 *
 * @param partitions partitions of {@code auction.events} when the service creates it
 * @param replicas replicas of {@code auction.events} and its dead-letter topic when the service creates them
 * @param minInsyncReplicas the topics' {@code min.insync.replicas}: with {@code acks=all}, how many copies a write
 *     needs
 * @param transactionalId the writer's transactional id: one writing instance per id (application.yml sets it to the
 *     application's name)
 * @param maxRecordBytes the largest event the house writes; larger changes are refused at once
 * @param readTimeout how long a full read of the log (the rebuild, a reload) may take before it is given up
 */
@ConfigurationProperties("auction.kafka")
public record EventLogSettings(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") int replicas,
        @DefaultValue("1") int minInsyncReplicas,
        @DefaultValue("auction-service") String transactionalId,
        @DefaultValue("900000") int maxRecordBytes,
        @DefaultValue("60s") Duration readTimeout) {

    /** Kafka's own ceiling on a topic's replication factor (a short). */
    private static final int MAX_REPLICAS = Short.MAX_VALUE;
    /** Room for the smallest event with its JSON; below it no auction could even be created. */
    private static final int MIN_RECORD_BYTES = 1024;
    /** Far past any auction's largest event (a whole catalogue); the broker's own limit must then be raised too. */
    private static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    public EventLogSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("auction.kafka.partitions must be at least 1, got " + partitions);
        }
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException(
                    "auction.kafka.replicas must be between 1 and " + MAX_REPLICAS + ", got " + replicas);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicas) {
            throw new IllegalArgumentException("auction.kafka.min-insync-replicas must be between 1 and"
                    + " auction.kafka.replicas (" + replicas + "): a write can never have more copies than there are"
                    + " replicas; got " + minInsyncReplicas);
        }
        if (transactionalId == null || transactionalId.isBlank()) {
            throw new IllegalArgumentException(
                    "auction.kafka.transactional-id must not be blank: it names the house's one writer");
        }
        if (maxRecordBytes < MIN_RECORD_BYTES || maxRecordBytes > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("auction.kafka.max-record-bytes must be between " + MIN_RECORD_BYTES
                    + " and " + MAX_RECORD_BYTES + ", got " + maxRecordBytes);
        }
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "auction.kafka.read-timeout must be longer than zero, got " + readTimeout);
        }
    }
}
