package dev.iplauction.reports.stream;

import dev.iplauction.contracts.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the stream cannot read goes to its topic's dead-letter topic ({@code <topic>.DLT}) with Spring Kafka's
 * dead-letter headers, is logged with its position, and the stream carries on: one bad record never stops the
 * reports. Kafka Streams sends the dead letter with its own producer, in the same commit as the progress past it.
 */
public final class DeadLetters implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** Every record sent to a dead-letter topic since start, across all stream threads. */
    private static final AtomicLong SENT = new AtomicLong();

    public static long sent() {
        return SENT.get();
    }

    private String reader = "report-service";

    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        if (id != null) {
            reader = id.toString();
        }
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String deadLetterTopic = record.topic() + Topics.DEAD_LETTER_SUFFIX;
        log.error(
                "unreadable record at {}-{}@{} sent to {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                deadLetterTopic,
                rootMessage(exception));
        var headers = new RecordHeaders(record.headers().toArray());
        headers.add("kafka_dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(
                "kafka_dlt-original-partition",
                ByteBuffer.allocate(4).putInt(record.partition()).array());
        headers.add(
                "kafka_dlt-original-offset",
                ByteBuffer.allocate(8).putLong(record.offset()).array());
        headers.add("kafka_dlt-exception-message", rootMessage(exception).getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-consumer-group", reader.getBytes(StandardCharsets.UTF_8));
        SENT.incrementAndGet();
        return Response.resume(
                List.of(new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers)));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        String first = message.lines().findFirst().orElse(message);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
