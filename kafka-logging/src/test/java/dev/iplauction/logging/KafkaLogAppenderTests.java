package dev.iplauction.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Kafka away: the service logs on, nothing waits on the broker, and the records that could not go are counted. */
class KafkaLogAppenderTests {

    private final LoggerContext context = new LoggerContext();

    {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    }

    private KafkaLogAppender appender(String bootstrap, int queueSize) {
        KafkaLogAppender appender = new KafkaLogAppender();
        appender.setContext(context);
        appender.setName("KAFKA");
        appender.setBootstrapServers(bootstrap);
        appender.setSource("test-service");
        appender.setQueueSize(queueSize);
        appender.setMaxBlockMillis(200);
        appender.setCloseTimeoutMillis(500);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return appender;
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aLostBrokerNeitherBlocksNorBreaksTheLoggingThreadAndDropsAreCounted() throws Exception {
        KafkaLogAppender appender = appender("127.0.0.1:" + unusedPort(), 100);
        Logger log = context.getLogger("dev.iplauction.test");
        assertThat(appender.isStarted())
                .as("%s", context.getStatusManager().getCopyOfStatusList())
                .isTrue();

        // With nothing listening, each send waits max.block.ms for metadata on the sender thread; 20,000 records
        // through a queue of 100 can only be kept off the logging thread by dropping them.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 20_000; i++) {
                log.info("record {}", i);
            }
        });

        assertThat(appender.dropped())
                .as("%s", context.getStatusManager().getCopyOfStatusList())
                .isGreaterThan(19_000);
        assertThat(appender.sent()).isZero();
        assertThat(KafkaLogAppender.droppedInJvm()).isGreaterThanOrEqualTo(appender.dropped());
        assertTimeoutPreemptively(Duration.ofSeconds(10), appender::stop);
        assertThat(appender.isStarted()).isFalse();
    }

    @Test
    void switchedOffItTakesNoRecordsAndStartsNoThread() {
        KafkaLogAppender appender = new KafkaLogAppender();
        appender.setContext(context);
        appender.setBootstrapServers("127.0.0.1:9");
        appender.setSource("test-service");
        appender.setEnabled(false);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);

        context.getLogger("x").info("hello");

        assertThat(appender.isStarted()).isTrue();
        assertThat(appender.dropped()).isZero();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("kafka-log-appender-test-service") && t.isAlive());
        appender.stop();
    }

    @Test
    void aMissingSourceIsRefusedAtStart() {
        KafkaLogAppender appender = new KafkaLogAppender();
        appender.setContext(context);
        appender.setBootstrapServers("127.0.0.1:9");
        appender.setSource(" ");
        appender.start();

        assertThat(appender.isStarted()).isFalse();
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .anyMatch(s -> s.getMessage().contains("needs a source"));
    }
}
