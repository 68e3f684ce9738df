package dev.iplauction.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The one way a service reads partitions to an end fixed when the read began (a rebuild, a replay): every record below
 * the end offsets is handed over once, in partition order; nothing written after the read began is, however long the
 * read takes. With a read_committed consumer, records of aborted transactions and the transaction markers are skipped
 * by the consumer and still count as read, so a partition that ends in them is read to its end.
 */
public final class ReadToEnd {

    private static final Duration POLL = Duration.ofMillis(200);

    private ReadToEnd() {}

    /**
     * Reads each partition of {@code end} from the consumer's position up to (not including) its end offset.
     * Partitions already at or past their end take no read; those read to their end are paused while the rest are
     * read, and resumed before this returns.
     *
     * @param consumer assigned (at least) the partitions of {@code end} and positioned where the read starts; the
     *     caller's, who closes it
     * @param end the offset each partition is read to, captured before the read (endOffsets, or a high watermark)
     * @param timeout how long the whole read may take
     * @param each takes every record read, on the calling thread
     * @return how many records were handed to {@code each}
     * @throws NotReadToEnd when {@code timeout} passes first; it names the partitions left
     */
    public static <K, V> long read(
            Consumer<K, V> consumer,
            Map<TopicPartition, Long> end,
            Duration timeout,
            java.util.function.Consumer<? super ConsumerRecord<K, V>> each) {
        Set<TopicPartition> assigned = consumer.assignment();
        List<TopicPartition> missing =
                end.keySet().stream().filter(p -> !assigned.contains(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "the consumer must be assigned the partitions it reads; not: " + missing);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> open = new ArrayList<>(end.keySet());
        List<TopicPartition> paused = new ArrayList<>();
        long handed = 0;
        try {
            while (true) {
                List<TopicPartition> done = open.stream()
                        .filter(p -> consumer.position(p, remaining(deadline)) >= end.get(p))
                        .toList();
                if (!done.isEmpty()) {
                    open.removeAll(done);
                    // A partition at its end fetches nothing more: the rest are read without its newer records.
                    consumer.pause(done);
                    paused.addAll(done);
                }
                if (open.isEmpty()) {
                    return handed;
                }
                if (System.nanoTime() > deadline) {
                    throw new NotReadToEnd(
                            "could not read to the end within " + timeout + "; left: " + left(consumer, open, end));
                }
                for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                    Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (last != null && record.offset() < last) {
                        handed++;
                        each.accept(record);
                    }
                    // else written after the read began (or a partition not asked for): not part of this read
                }
            }
        } finally {
            consumer.resume(paused);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(deadline - System.nanoTime(), POLL.toNanos()));
    }

    private static String left(Consumer<?, ?> consumer, List<TopicPartition> open, Map<TopicPartition, Long> end) {
        List<String> left = new ArrayList<>();
        for (TopicPartition p : open) {
            left.add(p + " at " + consumer.position(p, POLL) + " of " + end.get(p));
        }
        return String.join(", ", left);
    }

    /** The partitions could not be read to their ends in time (Kafka unreachable, slow, or a transaction open). */
    public static final class NotReadToEnd extends RuntimeException {
        NotReadToEnd(String message) {
            super(message);
        }
    }
}
