package dev.iplauction.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLetterTests {

    private final ConsumerRecord<String, String> unreadable = unreadable();

    private static ConsumerRecord<String, String> unreadable() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("auction.events", 3, 42L, "ABCD12", "{not json");
        record.headers().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void keepsKeyValueAndHeadersAndSaysWhereItCameFrom() {
        ProducerRecord<String, String> letter =
                DeadLetter.of("auction.events.DLT", unreadable, "Unexpected character 'n'", "report-service");

        assertThat(letter.topic()).isEqualTo("auction.events.DLT");
        assertThat(letter.partition()).isNull();
        assertThat(letter.key()).isEqualTo("ABCD12");
        assertThat(letter.value()).isEqualTo("{not json");
        assertThat(text(letter, "trace")).isEqualTo("t-1");
        assertThat(text(letter, DeadLetter.ORIGINAL_TOPIC)).isEqualTo("auction.events");
        assertThat(ByteBuffer.wrap(bytes(letter, DeadLetter.ORIGINAL_PARTITION)).getInt())
                .isEqualTo(3);
        assertThat(ByteBuffer.wrap(bytes(letter, DeadLetter.ORIGINAL_OFFSET)).getLong())
                .isEqualTo(42L);
        assertThat(text(letter, DeadLetter.EXCEPTION_MESSAGE)).isEqualTo("Unexpected character 'n'");
        assertThat(text(letter, DeadLetter.ORIGINAL_CONSUMER_GROUP)).isEqualTo("report-service");
    }

    @Test
    void leavesTheGroupOutWhenThereIsNoneAndNeverChangesTheOriginal() {
        ProducerRecord<String, String> letter = DeadLetter.of("x.DLT", unreadable, null, null);

        assertThat(letter.headers().lastHeader(DeadLetter.ORIGINAL_CONSUMER_GROUP))
                .isNull();
        assertThat(text(letter, DeadLetter.EXCEPTION_MESSAGE)).isEqualTo("null");
        assertThat(unreadable.headers().toArray()).hasSize(1);
        assertThat(DeadLetter.where(unreadable)).isEqualTo("auction.events-3@42");
    }

    private static byte[] bytes(ProducerRecord<?, ?> record, String header) {
        Header found = record.headers().lastHeader(header);
        assertThat(found).as(header).isNotNull();
        return found.value();
    }

    private static String text(ProducerRecord<?, ?> record, String header) {
        return new String(bytes(record, header), StandardCharsets.UTF_8);
    }
}
