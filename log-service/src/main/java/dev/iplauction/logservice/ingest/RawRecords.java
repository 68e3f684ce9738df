package dev.iplauction.logservice.ingest;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.logservice.store.EncodedLine;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Checks a record from {@code agent.logs} with a streaming parser and turns it into its combined.log line without
 * mapping it to objects and back: the record's own JSON, with its partition and offset added at the end. A record
 * that is not a whole JSON object, not a {@code LogRecorded}, or lacks its time, source or level is refused with the
 * reason (and dead-lettered by the caller). The line keeps the fields in the order the sender wrote them, and any
 * unknown ones: readers ignore what they do not know.
 */
final class RawRecords {

    /** A readable record's line, or why the record is not readable. */
    record Read(EncodedLine line, String problem) {}

    private RawRecords() {}

    static Read read(byte[] value, int partition, long offset) {
        if (value == null) {
            return refused("no value");
        }
        String type = null;
        String at = null;
        String level = null;
        String source = null;
        boolean multiLine;
        try (JsonParser parser = EventJson.mapper().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return refused("not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken next = parser.nextToken();
                switch (name) {
                    case "type" -> type = text(parser, next);
                    case "at" -> at = text(parser, next);
                    case "level" -> level = text(parser, next);
                    case "source" -> source = text(parser, next);
                    case "auctionCode", "logger", "event", "message" -> {
                        if (next != JsonToken.VALUE_STRING && next != JsonToken.VALUE_NULL) {
                            return refused(name + " must be text");
                        }
                    }
                    case "fields" -> {
                        String problem = checkFields(parser, next);
                        if (problem != null) {
                            return refused(problem);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return refused("not one JSON object");
            }
            multiLine = parser.currentLocation().getLineNr() > 1;
        } catch (JacksonException e) {
            return refused("unreadable: " + firstLine(e.getOriginalMessage()));
        }
        if (!"LogRecorded".equals(type)) {
            return refused(type == null ? "no type: not a log record" : "not a log record: " + type);
        }
        if (at == null) {
            return refused("a log record needs its time (at)");
        }
        if (source == null || source.isBlank()) {
            return refused("a log record needs its source");
        }
        if (level == null || level.isBlank()) {
            return refused("a log record needs its level");
        }
        long nanos = FastTime.epochNanos(at);
        if (nanos == FastTime.INVALID) {
            return refused("unreadable time (at): " + at);
        }
        return new Read(new EncodedLine(partition, offset, nanos, line(value, partition, offset, multiLine)), null);
    }

    private static Read refused(String problem) {
        return new Read(null, problem);
    }

    private static String text(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    private static String checkFields(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            return "fields must be an object";
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            if (!parser.nextToken().isScalarValue()) {
                return "fields must hold plain values, not objects or lists";
            }
        }
        return null;
    }

    private static final byte[] PARTITION = ",\"partition\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFSET = ",\"offset\":".getBytes(StandardCharsets.US_ASCII);

    /** The object without its closing brace, then ,"partition":p,"offset":o}\n; newlines between tokens dropped. */
    private static byte[] line(byte[] value, int partition, long offset, boolean multiLine) {
        int end = value.length - 1;
        while (value[end] != '}') {
            end--;
        }
        int start = 0;
        while (value[start] != '{') {
            start++;
        }
        String p = Integer.toString(partition);
        String o = Long.toString(offset);
        byte[] line = new byte[end - start + PARTITION.length + p.length() + OFFSET.length + o.length() + 2];
        int j;
        if (!multiLine) {
            System.arraycopy(value, start, line, 0, end - start);
            j = end - start;
        } else {
            j = 0;
            for (int i = start; i < end; i++) {
                if (value[i] != '\n' && value[i] != '\r') { // only whitespace can be a raw newline in valid JSON
                    line[j++] = value[i];
                }
            }
        }
        System.arraycopy(PARTITION, 0, line, j, PARTITION.length);
        j += PARTITION.length;
        for (int i = 0; i < p.length(); i++) {
            line[j++] = (byte) p.charAt(i);
        }
        System.arraycopy(OFFSET, 0, line, j, OFFSET.length);
        j += OFFSET.length;
        for (int i = 0; i < o.length(); i++) {
            line[j++] = (byte) o.charAt(i);
        }
        line[j++] = '}';
        line[j++] = '\n';
        return j == line.length ? line : java.util.Arrays.copyOf(line, j);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
