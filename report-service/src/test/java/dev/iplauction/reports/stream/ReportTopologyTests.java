package dev.iplauction.reports.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.reports.SampleAuction;
import dev.iplauction.reports.SampleAuction.Published;
import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.EventSource;
import dev.iplauction.reports.analysis.ReportBuilder;
import dev.iplauction.reports.render.ReportFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology on Kafka Streams' test driver: six topics in, re-keyed by auction, a report on disk when the auction
 * completes that equals the one {@link ReportBuilder} makes from the same events, a rewrite once late telemetry has
 * settled, and unreadable records sent to their dead-letter topics while the stream carries on.
 */
class ReportTopologyTests {

    private static final Duration SETTLE = Duration.ofSeconds(2);

    @TempDir
    Path reports;

    @TempDir
    Path state;

    private TopologyTestDriver driver;
    private final Map<EventSource, TestInputTopic<String, byte[]>> inputs = new EnumMap<>(EventSource.class);
    private final List<Long> written = new ArrayList<>();

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "report-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.class);
        var topology = ReportTopology.build(
                new ReportFiles(reports), SETTLE, Duration.ofMillis(250), (r, events, since) -> written.add(events));
        driver = new TopologyTestDriver(topology, config);
        for (EventSource source : EventSource.values()) {
            inputs.put(
                    source,
                    driver.createInputTopic(source.topicName(), new StringSerializer(), new ByteArraySerializer()));
        }
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(Published p) {
        byte[] value = EventJson.mapper().writerFor(p.source().eventType()).writeValueAsBytes(p.event());
        inputs.get(p.source()).pipeInput(p.key(), value, p.at());
    }

    private AuctionReport onDisk(String code) throws Exception {
        return ReportFiles.parse(Files.readString(reports.resolve(code).resolve("report.json")));
    }

    @Test
    void aCompletedAuctionsReportIsWrittenAtOnceAndEqualsTheBuildersReport() throws Exception {
        List<Published> events = SampleAuction.events("LIVE01");
        events.subList(0, events.size() - 1).forEach(this::send);
        assertThat(reports.resolve("LIVE01")).doesNotExist();

        send(events.getLast()); // AuctionCompleted
        assertThat(onDisk("LIVE01")).isEqualTo(ReportBuilder.build("LIVE01", SampleAuction.recorded(events)));
        assertThat(reports.resolve("LIVE01").resolve("report.md"))
                .content(StandardCharsets.UTF_8)
                .contains("# Auction LIVE01: Sample auction");
        assertThat(reports.resolve("LIVE01").resolve("report.html")).exists();
        assertThat(written).containsExactly((long) events.size());
    }

    @Test
    void lateTelemetryRewritesTheReportOnceItHasSettled() throws Exception {
        List<Published> events = SampleAuction.events("LATE01");
        events.forEach(this::send);
        assertThat(onDisk("LATE01").totals().agentBids()).isEqualTo(8);

        send(SampleAuction.lateBid("LATE01"));
        driver.advanceWallClockTime(SETTLE.minusMillis(500));
        assertThat(onDisk("LATE01").totals().agentBids()).as("not settled yet").isEqualTo(8);

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        AuctionReport rewritten = onDisk("LATE01");
        assertThat(rewritten.totals().agentBids()).isEqualTo(9);
        assertThat(rewritten.franchises().get(1).bids().rejectedByReason())
                .containsEntry("lot-closed", 1)
                .containsEntry("stale", 1);
        assertThat(written).containsExactly((long) events.size(), events.size() + 1L);

        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(written).as("nothing new: no rewrite").hasSize(2);
    }

    @Test
    void twoAuctionsInterleavedKeepTheirOwnEvents() throws Exception {
        List<Published> one = SampleAuction.events("AAAAA1");
        List<Published> two = SampleAuction.events("BBBBB2");
        for (int i = 0; i < one.size(); i++) {
            send(one.get(i));
            send(two.get(i));
        }
        assertThat(onDisk("AAAAA1")).isEqualTo(ReportBuilder.build("AAAAA1", SampleAuction.recorded(one)));
        assertThat(onDisk("BBBBB2")).isEqualTo(ReportBuilder.build("BBBBB2", SampleAuction.recorded(two)));
    }

    @Test
    void unreadableRecordsGoToTheirDeadLetterTopicsAndTheStreamCarriesOn() throws Exception {
        List<Published> events = SampleAuction.events("DLT001");
        var bids = inputs.get(EventSource.BIDS);
        bids.pipeInput("MI", "not json".getBytes(StandardCharsets.UTF_8));
        bids.pipeInput("MI", "{\"type\":\"NoSuchEvent\",\"auctionCode\":\"DLT001\"}".getBytes(StandardCharsets.UTF_8));
        inputs.get(EventSource.AUCTION)
                .pipeInput(
                        "DLT001",
                        "{\"type\":\"AuctionStarted\",\"seq\":1,\"at\":\"2026-11-25T10:00:00Z\"}"
                                .getBytes(StandardCharsets.UTF_8)); // no auction code
        events.forEach(this::send);

        assertThat(onDisk("DLT001").totals().agentBids()).isEqualTo(8);
        var bidLetters =
                driver.createOutputTopic("agent.bids.DLT", new StringDeserializer(), new ByteArrayDeserializer());
        var auctionLetters =
                driver.createOutputTopic("auction.events.DLT", new StringDeserializer(), new ByteArrayDeserializer());
        var letters = bidLetters.readRecordsToList();
        assertThat(letters).hasSize(2);
        assertThat(new String(letters.getFirst().value(), StandardCharsets.UTF_8))
                .isEqualTo("not json");
        assertThat(new String(
                        letters.getFirst()
                                .headers()
                                .lastHeader("kafka_dlt-original-topic")
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("agent.bids");
        assertThat(auctionLetters.readRecordsToList()).hasSize(1);
    }
}
