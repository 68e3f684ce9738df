package dev.iplauction.logservice.store;

import dev.iplauction.contracts.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
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

    public static Optional<StoredLine> decode(byte[] bytes, int from, int to) {
        return decode(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
}
