package dev.iplauction.contracts.logging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;

/** {@code agent.logs}, keyed by source: one structured log record from any service or agent. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = LogEvent.LogRecorded.class, name = "LogRecorded")})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface LogEvent {

    /** The auction the record is about, or null for a service's own records. */
    String auctionCode();

    Instant at();

    /**
     * @param source who wrote it: a franchise code for an agent seat, else the service's name
     * @param event a short machine-readable name for what happened ("bid.accepted"), or null
     * @param fields the record's structured key-value pairs (MDC and key-value arguments)
     */
    record LogRecorded(
            String auctionCode,
            Instant at,
            String level,
            String source,
            String logger,
            String event,
            String message,
            Map<String, String> fields)
            implements LogEvent {}
}
