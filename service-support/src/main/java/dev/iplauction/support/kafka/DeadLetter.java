package dev.iplauction.support.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one way a service writes a record it cannot read to a dead-letter topic: the same key and value, the original
 * headers, and the headers Spring Kafka's {@code DeadLetterPublishingRecoverer} writes (original topic, partition,
 * offset, the reason, and the consumer group where known), so the consumers that use that recoverer and those that
 * cannot (a replay, Kafka Streams, a hand-run consumer) leave dead letters that the same tools read.
 */
public final class DeadLetter {

    // Spring Kafka's KafkaHeaders.DLT_* names, spelled out so that this needs kafka-clients only.
    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";

    private DeadLetter() {}

    /**
     * The dead letter for {@code record}, to {@code deadLetterTopic} (the topic's {@code .DLT}).
     *
     * @param reason why it could not be read, one line for a person
     * @param consumerGroup the reader's group or application id; null leaves the header out
     */
    public static <K, V> ProducerRecord<K, V> of(
            String deadLetterTopic, ConsumerRecord<K, V> record, String reason, String consumerGroup) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(ORIGINAL_TOPIC, utf8(record.topic()));
        headers.add(
                ORIGINAL_PARTITION,
                ByteBuffer.allocate(4).putInt(record.partition()).array());
        headers.add(
                ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(record.offset()).array());
        headers.add(EXCEPTION_MESSAGE, utf8(String.valueOf(reason)));
        if (consumerGroup != null) {
            headers.add(ORIGINAL_CONSUMER_GROUP, utf8(consumerGroup));
        }
        return new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers);
    }

    /** Where a record was read, as {@code topic-partition@offset}, for log lines. */
    public static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
