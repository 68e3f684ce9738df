package dev.iplauction.agent.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain JUnit tests run without Spring Boot's logging setup, where Logback logs everything at DEBUG: keep the broker
 * and the clients to warnings (a broker start is about 1,900 INFO lines) and the producer's "connection refused"
 * warnings of a deliberate outage out of the way.
 */
final class TestLogging {

    private TestLogging() {}

    static void quietKafka() {
        level(Logger.ROOT_LOGGER_NAME, Level.INFO);
        level("org.apache.kafka", Level.WARN);
        level("kafka", Level.WARN);
        level("state.change.logger", Level.WARN);
        level("org.apache.kafka.clients.NetworkClient", Level.ERROR);
        level("org.springframework.kafka", Level.WARN);
    }

    private static void level(String logger, Level level) {
        ((Logger) LoggerFactory.getLogger(logger)).setLevel(level);
    }
}
