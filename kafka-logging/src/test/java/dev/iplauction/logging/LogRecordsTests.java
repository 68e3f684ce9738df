package dev.iplauction.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.iplauction.contracts.logging.LogEvent.LogRecorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class LogRecordsTests {

    private final LoggerContext context = new LoggerContext();

    {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    }

    private LoggingEvent event(Level level, String message, Object... args) {
        LoggingEvent event =
                new LoggingEvent("x", context.getLogger("dev.iplauction.agent.seat.Seat"), level, message, null, args);
        return event;
    }

    @Test
    void aSeatsRecordComesFromItsFranchiseWithTheAuctionAndTheKeyValuePairs() {
        LoggingEvent event = event(Level.INFO, "{} bid {}", "CSK", 200);
        event.setMDCPropertyMap(Map.of("franchise", "CSK", "auction", "ABCD12"));
        event.setKeyValuePairs(List.of(new KeyValuePair("event", "bid.placed"), new KeyValuePair("lot", 7)));

        LogRecorded record = LogRecords.from(event, "agent-service");

        assertThat(record.source()).isEqualTo("CSK");
        assertThat(record.auctionCode()).isEqualTo("ABCD12");
        assertThat(record.event()).isEqualTo("bid.placed");
        assertThat(record.message()).isEqualTo("CSK bid 200");
        assertThat(record.level()).isEqualTo("INFO");
        assertThat(record.logger()).isEqualTo("dev.iplauction.agent.seat.Seat");
        assertThat(record.at()).isEqualTo(event.getInstant());
        assertThat(record.fields())
                .containsEntry("franchise", "CSK")
                .containsEntry("auction", "ABCD12")
                .containsEntry("lot", "7")
                .doesNotContainKey("event");
    }

    @Test
    void aServicesOwnRecordComesFromTheServiceAndCarriesItsStackTrace() {
        LoggingEvent event = event(Level.ERROR, "failed");
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("boom")));
        event.setMDCPropertyMap(Map.of("event", "lot.failed"));

        LogRecorded record = LogRecords.from(event, "auction-service");

        assertThat(record.source()).isEqualTo("auction-service");
        assertThat(record.auctionCode()).isNull();
        assertThat(record.event()).isEqualTo("lot.failed");
        assertThat(record.fields().get("exception"))
                .startsWith("java.lang.IllegalStateException: boom")
                .contains("LogRecordsTests");
    }
}
