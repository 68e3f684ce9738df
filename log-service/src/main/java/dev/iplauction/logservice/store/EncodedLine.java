package dev.iplauction.logservice.store;

/**
 * A line ready for combined.log: its bytes (one JSON object and '\n'), where its record came from on
 * {@code agent.logs}, and its time in nanoseconds since the epoch (for ordering).
 */
public record EncodedLine(int partition, long offset, long atEpochNanos, byte[] bytes) {

    public static EncodedLine of(StoredLine line) {
        long nanos = line.at().getEpochSecond() * 1_000_000_000L + line.at().getNano();
        return new EncodedLine(line.partition(), line.offset(), nanos, LineCodec.encode(line));
    }
}
