package dev.iplauction.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTests {

    private static final String TOPIC = "auction.events";
    private static final Duration CEILING = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void keepsRecordsAcrossARestartOnTheSameDirectory() throws Exception {
        int[] ports = freePorts(2);
        LocalKafkaConfig config = new LocalKafkaConfig(ports[0], ports[1], dataDir, "127.0.0.1");
        String clusterId;

        try (LocalKafka kafka = LocalKafka.start(config)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + ports[0]);
            clusterId = clusterId();
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                        .all()
                        .get();
            }
            try (var producer =
                    new KafkaProducer<>(producerConfig(kafka), new StringSerializer(), new StringSerializer())) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, "IPL-2026", "LotSold:Kohli"))
                        .get();
                assertThat(sent.offset()).isZero();
            }
            assertThat(readAll(kafka)).containsExactly("IPL-2026=LotSold:Kohli");

            int[] otherPorts = freePorts(2);
            assertThatIllegalStateException()
                    .as("a second broker on the same directory stops before it touches the storage")
                    .isThrownBy(() ->
                            LocalKafka.start(new LocalKafkaConfig(otherPorts[0], otherPorts[1], dataDir, "127.0.0.1")))
                    .withMessageContaining("is in use by another LocalKafka");
            assertThat(readAll(kafka)).containsExactly("IPL-2026=LotSold:Kohli");
        }

        try (LocalKafka kafka = LocalKafka.start(config)) {
            assertThat(clusterId())
                    .as("the storage is reused, not formatted again")
                    .isEqualTo(clusterId);
            assertThat(readAll(kafka)).containsExactly("IPL-2026=LotSold:Kohli");
        }
    }

    @Test
    void saysWhichPortIsTakenWhenItCannotBind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // picked while the taken port is held, so the two can never be the same port
            int[] ports = freePorts(1);
            LocalKafkaConfig config = new LocalKafkaConfig(taken.getLocalPort(), ports[0], dataDir, "127.0.0.1");

            assertThatIllegalStateException()
                    .isThrownBy(() -> LocalKafka.start(config))
                    .withMessage("Kafka cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " (port): Address already in use."
                            + " Is another Kafka running there? Stop it or choose another port.");
            assertThat(dataDir).isEmptyDirectory();
        }
    }

    /** Reads the topic from the start, without a consumer group, until one record arrives or the ceiling is hit. */
    private static List<String> readAll(LocalKafka kafka) {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<String> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(TOPIC, 0)));
            consumer.seekToBeginning(consumer.assignment());
            Instant deadline = Instant.now().plus(CEILING);
            while (read.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.key() + "=" + record.value());
                }
            }
        }
        return read;
    }

    private static Map<String, Object> producerConfig(LocalKafka kafka) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    }

    private String clusterId() {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("meta.properties"))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta.getProperty("cluster.id");
    }

    /** Ports free right now; all held open together so they differ, then released for the broker. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
