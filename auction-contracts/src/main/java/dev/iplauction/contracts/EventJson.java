package dev.iplauction.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of events on the wire, used by every producer and consumer and by the golden files that pin
 * it: times as ISO-8601 strings, unknown fields ignored, logical type names from the event interfaces.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {}

    /** A shared, thread-safe mapper configured for events. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
