package dev.iplauction.logservice.ingest;

import dev.iplauction.support.kafka.DeadLetter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;

/**
 * Dead letters on {@code agent.logs.DLT}, built by the services' shared {@link DeadLetter} (Spring Kafka's
 * dead-letter headers), sent and confirmed one by one.
 */
public final class KafkaDeadLetters implements DeadLetters, AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public KafkaDeadLetters(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void send(ConsumerRecord<byte[], byte[]> record, String reason) {
        try {
            producer.send(DeadLetter.of(topic, record, reason, null)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + DeadLetter.where(record), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + DeadLetter.where(record) + " to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
