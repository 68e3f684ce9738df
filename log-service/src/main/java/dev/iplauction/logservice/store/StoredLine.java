package dev.iplauction.logservice.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.iplauction.contracts.logging.LogEvent.LogRecorded;
import java.time.Instant;
import java.util.Map;

/**
 * One line of combined.log: the log record as it came, plus where it came from on {@code agent.logs} (partition and
 * offset), which is what lets a restarted service know exactly which records the file already holds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "at",
    "level",
    "source",
    "auctionCode",
    "logger",
    "event",
    "message",
    "fields",
    "partition",
    "offset"
})
public record StoredLine(
        Instant at,
        String level,
        String source,
        String auctionCode,
        String logger,
        String event,
        String message,
        Map<String, String> fields,
        int partition,
        long offset) {

    public static StoredLine of(LogRecorded record, int partition, long offset) {
        return new StoredLine(
                record.at(),
                record.level(),
                record.source(),
                record.auctionCode(),
                record.logger(),
                record.event(),
                record.message(),
                record.fields() == null ? Map.of() : record.fields(),
                partition,
                offset);
    }

    public Map<String, String> fieldsOrEmpty() {
        return fields == null ? Map.of() : fields;
    }
}
