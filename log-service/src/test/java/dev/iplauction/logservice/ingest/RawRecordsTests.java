package dev.iplauction.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.logging.LogEvent;
import dev.iplauction.contracts.logging.LogEvent.LogRecorded;
import dev.iplauction.logservice.store.LineCodec;
import dev.iplauction.logservice.store.StoredLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RawRecordsTests {

    private static final LogRecorded RECORD = new LogRecorded(
            "ABCD23",
            Instant.parse("2024-11-24T10:15:30.250Z"),
            "INFO",
            "GT",
            "dev.iplauction.agent.seat.Seat",
            "bid.placed",
            "GT bids \"₹2 Cr\"\non lot 1",
            Map.of("lot", "1"));

    private static byte[] json(LogRecorded record) {
        return EventJson.mapper().writerFor(LogEvent.class).writeValueAsBytes(record);
    }

    @Test
    void aRecordBecomesItsOwnJsonWithItsPartitionAndOffsetOnOneLine() {
        RawRecords.Read read = RawRecords.read(json(RECORD), 2, 81_734);

        assertThat(read.problem()).isNull();
        String line = new String(read.line().bytes(), StandardCharsets.UTF_8);
        assertThat(line).endsWith(",\"partition\":2,\"offset\":81734}\n").containsOnlyOnce("\n");
        StoredLine stored = LineCodec.decode(line.strip()).orElseThrow();
        assertThat(stored).isEqualTo(StoredLine.of(RECORD, 2, 81_734));
        assertThat(read.line().atEpochNanos()).isEqualTo(1_732_443_330_250_000_000L);
    }

    @Test
    void prettyPrintedJsonStillMakesOneLine() {
        byte[] pretty = EventJson.mapper()
                .writerFor(LogEvent.class)
                .withDefaultPrettyPrinter()
                .writeValueAsBytes(RECORD);
        assertThat(new String(pretty, StandardCharsets.UTF_8)).contains("\n");

        String line = new String(RawRecords.read(pretty, 0, 5).line().bytes(), StandardCharsets.UTF_8);

        assertThat(line).containsOnlyOnce("\n").endsWith("}\n");
        assertThat(LineCodec.decode(line.strip()).orElseThrow().message()).isEqualTo(RECORD.message());
    }

    @Test
    void unreadableRecordsAreRefusedWithTheReason() {
        assertThat(problem("not json")).startsWith("unreadable");
        assertThat(problem("[1,2]")).isEqualTo("not a JSON object");
        assertThat(problem("{\"type\":\"LogRecorded\"} {}")).isEqualTo("not one JSON object");
        assertThat(problem("{\"type\":\"Gossip\",\"at\":\"2024-11-24T10:00:00Z\"}"))
                .isEqualTo("not a log record: Gossip");
        assertThat(problem("{\"level\":\"INFO\",\"source\":\"MI\"}")).startsWith("no type");
        assertThat(problem("{\"type\":\"LogRecorded\",\"level\":\"INFO\",\"source\":\"MI\"}"))
                .isEqualTo("a log record needs its time (at)");
        assertThat(problem("{\"type\":\"LogRecorded\",\"at\":\"soon\",\"level\":\"INFO\",\"source\":\"MI\"}"))
                .isEqualTo("unreadable time (at): soon");
        assertThat(problem("{\"type\":\"LogRecorded\",\"at\":\"2024-11-24T10:00:00Z\",\"level\":\"INFO\"}"))
                .isEqualTo("a log record needs its source");
        assertThat(problem(
                        "{\"type\":\"LogRecorded\",\"at\":\"2024-11-24T10:00:00Z\",\"source\":\"MI\",\"level\":\"INFO\","
                                + "\"fields\":{\"a\":{\"b\":1}}}"))
                .startsWith("fields must hold plain values");
        assertThat(problem(
                        "{\"type\":\"LogRecorded\",\"at\":\"2024-11-24T10:00:00Z\",\"source\":\"MI\",\"level\":\"INFO\","
                                + "\"message\":{}}"))
                .isEqualTo("message must be text");
        assertThat(RawRecords.read(null, 0, 0).problem()).isEqualTo("no value");
    }

    private static String problem(String json) {
        return RawRecords.read(json.getBytes(StandardCharsets.UTF_8), 0, 0).problem();
    }

    @Test
    void theHandMadeTimeReaderAgreesWithInstantParse() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 8_000_000_000L), random.nextInt(1_000_000_000));
            if (i % 3 == 0) {
                instant = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            } else if (i % 3 == 1) {
                instant = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            }
            String text = instant.toString();
            assertThat(FastTime.epochNanos(text))
                    .as(text)
                    .isEqualTo(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
        }
        assertThat(FastTime.epochNanos("2024-11-24T15:45:30.25+05:30"))
                .isEqualTo(FastTime.epochNanos("2024-11-24T10:15:30.250Z"));
        assertThat(FastTime.epochNanos("2024-02-30T10:15:30Z")).isEqualTo(FastTime.INVALID);
        assertThat(FastTime.epochNanos("2024-11-24 10:15:30Z")).isEqualTo(FastTime.INVALID);
        assertThat(FastTime.epochNanos("")).isEqualTo(FastTime.INVALID);
    }
}
