package dev.iplauction.agent.telemetry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How an agent's telemetry buffers and sends. Shaped to be bound as {@code @ConfigurationProperties("agent.telemetry")}:
 * every component left out (null) takes its default, and anything out of range is refused with a message naming the
 * property.
 *
 * @param capacity how many events may wait in memory for Kafka (the one being handed to the producer included);
 *     past it the oldest queued heartbeat makes room, and with none queued the new event is dropped
 * @param closeTimeout how long closing may take to send what is still queued; what is left after it is dropped
 * @param maxBlock the producer's {@code max.block.ms}: how long the sender thread (never a caller) waits for topic
 *     metadata or buffer space before putting the record back and trying again
 * @param deliveryTimeout the producer's {@code delivery.timeout.ms}: how long the producer keeps retrying a record it
 *     has taken, through a broker outage, before giving up on it (then it is counted as dropped)
 * @param bufferMemory the producer's {@code buffer.memory}: room for records it has taken but Kafka has not yet
 *     acknowledged
 * @param dropLogInterval the least time between two log lines about dropped events
 */
@ConfigurationProperties("agent.telemetry")
public record TelemetrySettings(
        Integer capacity,
        Duration closeTimeout,
        Duration maxBlock,
        Duration deliveryTimeout,
        DataSize bufferMemory,
        Duration dropLogInterval) {

    public static final int DEFAULT_CAPACITY = 10_000;
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofMillis(500);
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(10);
    public static final DataSize DEFAULT_BUFFER_MEMORY = DataSize.ofMegabytes(4);
    public static final Duration DEFAULT_DROP_LOG_INTERVAL = Duration.ofSeconds(5);

    private static final int MAX_CAPACITY = 1_000_000;
    private static final Duration LONGEST_MAX_BLOCK = Duration.ofSeconds(60);
    private static final Duration SHORTEST_DELIVERY_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration LONGEST_DELIVERY_TIMEOUT = Duration.ofDays(1);
    private static final DataSize SMALLEST_BUFFER_MEMORY = DataSize.ofKilobytes(256);
    private static final DataSize LARGEST_BUFFER_MEMORY = DataSize.ofGigabytes(1);

    public TelemetrySettings {
        capacity = capacity != null ? capacity : DEFAULT_CAPACITY;
        closeTimeout = closeTimeout != null ? closeTimeout : DEFAULT_CLOSE_TIMEOUT;
        maxBlock = maxBlock != null ? maxBlock : DEFAULT_MAX_BLOCK;
        deliveryTimeout = deliveryTimeout != null ? deliveryTimeout : DEFAULT_DELIVERY_TIMEOUT;
        bufferMemory = bufferMemory != null ? bufferMemory : DEFAULT_BUFFER_MEMORY;
        dropLogInterval = dropLogInterval != null ? dropLogInterval : DEFAULT_DROP_LOG_INTERVAL;

        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "agent.telemetry.capacity must be between 1 and " + MAX_CAPACITY + " events, got " + capacity);
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "agent.telemetry.close-timeout must be 0 (drop what is queued) or more, got " + closeTimeout);
        }
        if (!isPositive(maxBlock) || maxBlock.compareTo(LONGEST_MAX_BLOCK) > 0) {
            throw new IllegalArgumentException("agent.telemetry.max-block must be more than 0 and at most "
                    + LONGEST_MAX_BLOCK.toSeconds() + "s, got " + maxBlock);
        }
        if (deliveryTimeout.compareTo(SHORTEST_DELIVERY_TIMEOUT) < 0
                || deliveryTimeout.compareTo(LONGEST_DELIVERY_TIMEOUT) > 0) {
            throw new IllegalArgumentException("agent.telemetry.delivery-timeout must be between "
                    + SHORTEST_DELIVERY_TIMEOUT.toSeconds() + "s and " + LONGEST_DELIVERY_TIMEOUT.toHours()
                    + "h, got " + deliveryTimeout);
        }
        if (bufferMemory.compareTo(SMALLEST_BUFFER_MEMORY) < 0 || bufferMemory.compareTo(LARGEST_BUFFER_MEMORY) > 0) {
            throw new IllegalArgumentException("agent.telemetry.buffer-memory must be between "
                    + SMALLEST_BUFFER_MEMORY.toKilobytes() + "KB and " + LARGEST_BUFFER_MEMORY.toGigabytes()
                    + "GB, got " + bufferMemory);
        }
        if (!isPositive(dropLogInterval)) {
            throw new IllegalArgumentException(
                    "agent.telemetry.drop-log-interval must be more than 0, got " + dropLogInterval);
        }
    }

    /** Every setting at its default: 10,000 events queued at most, a 10 s close. */
    public static TelemetrySettings defaults() {
        return new TelemetrySettings(null, null, null, null, null, null);
    }

    public TelemetrySettings withCapacity(int capacity) {
        return new TelemetrySettings(capacity, closeTimeout, maxBlock, deliveryTimeout, bufferMemory, dropLogInterval);
    }

    public TelemetrySettings withCloseTimeout(Duration closeTimeout) {
        return new TelemetrySettings(capacity, closeTimeout, maxBlock, deliveryTimeout, bufferMemory, dropLogInterval);
    }

    public TelemetrySettings withMaxBlock(Duration maxBlock) {
        return new TelemetrySettings(capacity, closeTimeout, maxBlock, deliveryTimeout, bufferMemory, dropLogInterval);
    }

    public TelemetrySettings withDeliveryTimeout(Duration deliveryTimeout) {
        return new TelemetrySettings(capacity, closeTimeout, maxBlock, deliveryTimeout, bufferMemory, dropLogInterval);
    }

    public TelemetrySettings withBufferMemory(DataSize bufferMemory) {
        return new TelemetrySettings(capacity, closeTimeout, maxBlock, deliveryTimeout, bufferMemory, dropLogInterval);
    }

    public TelemetrySettings withDropLogInterval(Duration dropLogInterval) {
        return new TelemetrySettings(capacity, closeTimeout, maxBlock, deliveryTimeout, bufferMemory, dropLogInterval);
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
