package dev.iplauction.logservice.store;

import dev.iplauction.contracts.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/** A stored line as bytes and back: one JSON object, no newline inside (JSON escapes them), ending in '\n'. */
public final class LineCodec {

    private static final ObjectWriter WRITER = EventJson.mapper().writerFor(StoredLine.class);
    private static final ObjectReader READER = EventJson.mapper().readerFor(StoredLine.class);

    private LineCodec() {}

    public static byte[] encode(StoredLine line) {
        byte[] json = WRITER.writeValueAsBytes(line);
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    public static String json(StoredLine line) {
        return WRITER.writeValueAsString(line);
    }

    /** The line, or empty where it is not a whole, readable stored line (torn by a crash, or not ours). */
    public static Optional<StoredLine> decode(String text) {
        if (text.isEmpty() || text.charAt(0) != '{') {
            return Optional.empty();
        }
        try {
            StoredLine line = READER.readValue(text);
            if (line == null || line.at() == null || line.partition() < 0 || line.offset() < 0) {
                return Optional.empty();
            }
            return Optional.of(line);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Where a line's record came from. */
    public record Position(int partition, long offset) {}

    /**
     * The partition and offset of a whole line (one JSON object carrying both), or empty where the line is torn or
     * not ours. The recovery needs no more than this.
     */
    public static Optional<Position> position(byte[] bytes, int from, int to) {
        if (to <= from || bytes[from] != '{') {
            return Optional.empty();
        }
        long partition = -1;
        long offset = -1;
        try (JsonParser parser = EventJson.mapper().createParser(bytes, from, to - from)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NUMBER_INT && name.equals("partition")) {
                    partition = parser.getLongValue();
                } else if (value == JsonToken.VALUE_NUMBER_INT && name.equals("offset")) {
                    offset = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
        } catch (JacksonException e) {
            return Optional.empty();
        }
        return partition < 0 || partition > Integer.MAX_VALUE || offset < 0
                ? Optional.empty()
                : Optional.of(new Position((int) partition, offset));
    }

    public static Optional<StoredLine> decode(byte[] bytes) {
        return decode(new String(bytes, StandardCharsets.UTF_8).strip());
    }
}
