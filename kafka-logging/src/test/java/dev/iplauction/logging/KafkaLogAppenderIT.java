package dev.iplauction.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.logging.LogEvent;
import dev.iplauction.contracts.logging.LogEvent.LogRecorded;
import dev.iplauction.kafkatest.TopicReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The appender against a real broker: records keyed by source, MDC and key-value pairs kept, Kafka's own kept out. */
class KafkaLogAppenderIT {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.AGENT_LOGS.topicName());
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void everyRecordReachesAgentLogsKeyedByItsSourceAndStopFlushesTheRest() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        KafkaLogAppender appender = new KafkaLogAppender();
        appender.setContext(context);
        appender.setBootstrapServers(broker.getBrokersAsString());
        appender.setSource("appender-it");
        appender.setAcks("all");
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger seatLog = context.getLogger("dev.iplauction.agent.seat.Seat");

        for (int i = 0; i < 50; i++) {
            seatLog.info("service line {}", i);
        }
        MDC.put("franchise", "MI");
        MDC.put("auction", "ABCD12");
        try {
            seatLog.atWarn()
                    .addKeyValue("event", "bid.rejected")
                    .addKeyValue("lot", 3)
                    .log("MI bid refused");
        } finally {
            MDC.clear();
        }
        context.getLogger("org.apache.kafka.clients.NetworkClient").warn("kafka's own line");
        appender.stop();

        // Only this test's records: the Spring test may have logged to the same topic before.
        List<TopicReader.Read<LogEvent>> read = new TopicReader(broker.getBrokersAsString())
                .readAll(Topics.AGENT_LOGS.topicName(), LogEvent.class).stream()
                        .filter(r -> r.key().equals("appender-it") || r.key().equals("MI"))
                        .toList();
        assertThat(read).hasSize(51);
        assertThat(read).noneMatch(r -> ((LogRecorded) r.value()).message().contains("kafka's own"));
        assertThat(read.stream().filter(r -> r.key().equals("appender-it")))
                .extracting(r -> ((LogRecorded) r.value()).message())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50)
                        .mapToObj(i -> "service line " + i)
                        .toList());
        LogRecorded seat = read.stream()
                .filter(r -> r.key().equals("MI"))
                .map(r -> (LogRecorded) r.value())
                .findFirst()
                .orElseThrow();
        assertThat(seat.source()).isEqualTo("MI");
        assertThat(seat.level()).isEqualTo("WARN");
        assertThat(seat.auctionCode()).isEqualTo("ABCD12");
        assertThat(seat.event()).isEqualTo("bid.rejected");
        assertThat(seat.fields()).containsEntry("lot", "3").containsEntry("franchise", "MI");
        assertThat(appender.sent()).isEqualTo(51);
        assertThat(appender.dropped()).isZero();
    }

    @Test
    void aSpringBootServiceGetsTheAppenderFromItsLogbackSpringXml() {
        try (var app = new org.springframework.boot.builder.SpringApplicationBuilder(LoggingApp.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run(
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.application.name=report-service",
                        "--spring.main.banner-mode=off")) {
            org.slf4j.LoggerFactory.getLogger("dev.iplauction.report.Probe")
                    .atInfo()
                    .addKeyValue("event", "probe.logged")
                    .log("hello from spring");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> new TopicReader(broker.getBrokersAsString())
                            .values(Topics.AGENT_LOGS.topicName(), LogEvent.class).stream()
                                    .map(LogRecorded.class::cast)
                                    .anyMatch(r -> "probe.logged".equals(r.event())
                                            && r.source().equals("report-service")
                                            && r.message().equals("hello from spring")));
        }
    }

    @org.springframework.boot.autoconfigure.SpringBootApplication
    static class LoggingApp {}
}
