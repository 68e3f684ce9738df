package dev.iplauction.logservice.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record that is not a readable log record goes, so the reader can carry on. */
public interface DeadLetters {

    /** Sends the record on, with the reason; returns once the broker has it, or throws. */
    void send(ConsumerRecord<byte[], byte[]> record, String reason);
}
