package dev.iplauction.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.iplauction.contracts.logging.LogEvent.LogRecorded;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Turns a Logback event into the {@code agent.logs} record: the source is the seat's franchise where the MDC names
 * one (agent seats), else the service; the auction comes from MDC {@code auction}; the event name from MDC or a
 * key-value pair {@code event}; the fields are the MDC and the SLF4J key-value pairs, plus the stack trace of an
 * exception. Everything token-shaped is redacted first ({@link Redaction}).
 */
final class LogRecords {

    static final String FRANCHISE = "franchise";
    static final String AUCTION = "auction";
    static final String EVENT = "event";
    static final String EXCEPTION = "exception";
    /** Stack traces can be long; a log line should stay a line a person reads, so the trace is cut. */
    static final int MAX_EXCEPTION_CHARS = 8_000;

    private LogRecords() {}

    static LogRecorded from(ILoggingEvent event, String service) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach((k, v) -> {
                if (k != null && v != null) {
                    fields.put(k, Redaction.redact(v));
                }
            });
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (pair.key != null) {
                    fields.put(pair.key, Redaction.redact(String.valueOf(pair.value)));
                }
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            String trace = ThrowableProxyUtil.asString(thrown);
            fields.put(
                    EXCEPTION,
                    Redaction.redact(
                            trace.length() > MAX_EXCEPTION_CHARS ? trace.substring(0, MAX_EXCEPTION_CHARS) : trace));
        }
        String eventName = fields.remove(EVENT);
        String franchise = fields.get(FRANCHISE);
        String source = franchise == null || franchise.isBlank() ? service : franchise;
        return new LogRecorded(
                fields.get(AUCTION),
                event.getInstant(),
                event.getLevel().toString(),
                source,
                event.getLoggerName(),
                eventName,
                Redaction.redact(event.getFormattedMessage()),
                fields);
    }
}
