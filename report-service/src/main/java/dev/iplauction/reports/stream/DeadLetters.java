package dev.iplauction.reports.stream;

import dev.iplauction.contracts.Topics;
import dev.iplauction.support.kafka.DeadLetter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the stream cannot read goes to its topic's dead-letter topic ({@code <topic>.DLT}) with Spring Kafka's
 * dead-letter headers ({@link DeadLetter}), is logged with its position, and the stream carries on: one bad record
 * never stops the reports. Kafka Streams sends the dead letter with its own producer, in the same commit as the progress past it.
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
        SENT.incrementAndGet();
        return Response.resume(List.of(DeadLetter.of(deadLetterTopic, record, rootMessage(exception), reader)));
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
