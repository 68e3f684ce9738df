package dev.iplauction.bench;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.logging.LogEvent;
import dev.iplauction.contracts.logging.LogEvent.LogRecorded;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * The log pipeline's numbers, in three steps run by scripts/bench-logs.sh:
 *
 * <ul>
 *   <li>{@code produce}: fills {@code agent.logs} with N realistic log records from thirteen sources;
 *   <li>{@code read}: how fast a bare KafkaConsumer reads them all (no parsing, nothing written);
 *   <li>{@code watch}: how fast a running log-service writes them to combined.log, from its own ingest counters.
 * </ul>
 */
public final class LogThroughput {

    private static final List<String> SOURCES = List.of(
            "auction-service",
            "orchestrator-service",
            "report-service",
            "CSK",
            "MI",
            "RCB",
            "KKR",
            "SRH",
            "RR",
            "DC",
            "PBKS",
            "GT",
            "LSG");

    public static void main(String[] args) throws Exception {
        String step = args.length == 0 ? "" : args[0];
        String bootstrap = Args.string(args, "--bootstrap", "127.0.0.1:9092");
        int records = Args.integer(args, "--records", 1_000_000);
        switch (step) {
            case "produce" -> produce(bootstrap, records, Args.integer(args, "--partitions", 3));
            case "read" -> read(bootstrap, records);
            case "watch" -> watch(Args.string(args, "--url", "http://127.0.0.1:8083"), records);
            default -> throw new IllegalArgumentException("first argument: produce, read or watch");
        }
    }

    private static void produce(String bootstrap, int count, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(Topics.AGENT_LOGS.topicName(), partitions, (short) 1)
                            .configs(Map.of("retention.ms", Topics.AGENT_LOGS.retentionMs()))))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long started = System.nanoTime();
        long bytes = 0;
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            var writer = EventJson.mapper().writerFor(LogEvent.class);
            Instant t0 = Instant.now();
            for (int i = 0; i < count; i++) {
                String source = SOURCES.get(i % SOURCES.size());
                boolean seat = source.length() <= 4;
                Map<String, String> fields = new LinkedHashMap<>();
                if (seat) {
                    fields.put("franchise", source);
                    fields.put("auction", "ABCD12");
                }
                fields.put("lot", String.valueOf(i % 574));
                String level = i % 97 == 0 ? "ERROR" : i % 13 == 0 ? "WARN" : "INFO";
                LogRecorded record = new LogRecorded(
                        "ABCD12",
                        t0.plusNanos(i * 1_000L),
                        level,
                        source,
                        seat ? "dev.iplauction.agent.seat.Seat" : "dev.iplauction.auction.house.AuctionHouse",
                        i % 5 == 0 ? "bid.placed" : null,
                        source + " bids on lot " + (i % 574) + " at " + (20 + i % 200) * 5 + " lakh after " + (i % 900)
                                + " ms",
                        fields);
                byte[] value = writer.writeValueAsBytes(record);
                bytes += value.length;
                producer.send(new ProducerRecord<>(Topics.AGENT_LOGS.topicName(), source, value));
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "produced %,d records (%,d bytes each on average) in %.2f s: %,.0f records/s%n",
                count, bytes / Math.max(1, count), seconds, count / seconds);
    }

    private static void read(String bootstrap, int expected) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.AGENT_LOGS.topicName())
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long total = consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            long read = 0;
            long bytes = 0;
            long started = System.nanoTime();
            while (read < total) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    bytes += record.value().length;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "bare KafkaConsumer read %,d records (%,d MB) in %.2f s: %,.0f records/s%n",
                    read, bytes >> 20, seconds, read / seconds);
            if (read < expected) {
                System.out.printf("(the topic holds %,d records, fewer than the %,d asked for)%n", read, expected);
            }
        }
    }

    private static void watch(String url, int expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/logs/ingest"))
                .header("Authorization", "Bearer " + System.getenv().getOrDefault("OPERATOR_TOKEN", ""))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        List<long[]> samples = new ArrayList<>(); // {nanos, written}
        JsonNode status;
        do {
            Thread.sleep(250);
            try {
                status = EventJson.mapper()
                        .readTree(http.send(request, HttpResponse.BodyHandlers.ofString())
                                .body());
            } catch (java.io.IOException starting) {
                status = null; // the service is still starting
            }
            if (status == null || status.get("written") == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("log-service did not answer at " + url);
                }
                status = EventJson.mapper().readTree("{\"written\":-1}");
                continue;
            }
            samples.add(new long[] {System.nanoTime(), status.get("written").asLong()});
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("log-service wrote only " + status.get("written") + " in 10 minutes");
            }
        } while (status.get("written").asLong() < expected);
        samples.removeIf(sample -> sample[1] < 0);
        long written = status.get("written").asLong();
        double busy = status.get("busyMillis").asLong() / 1e3;
        // The steady rate: between 10 % and 90 % of the records, away from the start and the ordering window's tail.
        long[] low =
                samples.stream().filter(s -> s[1] >= expected / 10).findFirst().orElseThrow();
        long[] high = samples.stream()
                .filter(s -> s[1] >= expected * 9L / 10)
                .findFirst()
                .orElseThrow();
        double steady = (high[1] - low[1]) / ((high[0] - low[0]) / 1e9);
        System.out.printf(
                "log-service wrote %,d records to combined.log in %.2f s from its first read to its last write"
                        + " (ordering window included): %,.0f records/s; steady rate (10 %%..90 %%): %,.0f records/s%n",
                written, busy, written / busy, steady);
        System.out.printf(
                "dead-lettered %s, held %s, skipped as already written %s%n",
                status.get("deadLettered"), status.get("held"), status.get("skippedAsWritten"));
    }
}
