package dev.iplauction.orchestrator.standin;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.SeatState;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A stand-in for agent-service in the orchestrator's process tests: a real JVM started by the process runtime with
 * agent-service's environment contract (AUCTION_CODE, AGENT_TEAMS, AGENT_INSTANCE_ID, KAFKA_BOOTSTRAP_SERVERS,
 * AGENT_HEARTBEAT_INTERVAL) that publishes real {@code Heartbeat} records for its seats to the real broker, and that a
 * test can SIGKILL or SIGSTOP. It plays no auction (that needs a browser and an auction house).
 *
 * <p>{@code STANDIN_BROKEN_TEAMS=RCB}: a process whose seats include one of these exits with code 3 at start, like
 * an agent that cannot come up.
 */
public final class StandInAgent {

    private StandInAgent() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String auction = required(env, "AUCTION_CODE");
        String instance = required(env, "AGENT_INSTANCE_ID");
        List<Franchise> seats = Arrays.stream(required(env, "AGENT_TEAMS").split(","))
                .map(code -> Franchise.fromCode(code).orElseThrow())
                .toList();
        Duration interval = duration(env.getOrDefault("AGENT_HEARTBEAT_INTERVAL", "10s"));
        List<String> broken =
                Arrays.asList(env.getOrDefault("STANDIN_BROKEN_TEAMS", "").split(","));
        if (seats.stream().anyMatch(s -> broken.contains(s.code()))) {
            System.out.println("stand-in " + instance + " for " + seats + ": broken on purpose, exiting");
            Thread.sleep(200);
            System.exit(3);
        }

        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, required(env, "KAFKA_BOOTSTRAP_SERVERS"));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        String host = InetAddress.getLocalHost().getHostName();
        long pid = ProcessHandle.current().pid();
        CountDownLatch stop = new CountDownLatch(1);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            System.out.println(
                    "stand-in " + instance + " (pid " + pid + ") heartbeats " + seats + " every " + interval);
            long seq = 0;
            while (stop.getCount() > 0) {
                seq++;
                SeatState state = seq < 3 ? SeatState.WAITING_FOR_START : SeatState.BIDDING;
                for (Franchise seat : seats) {
                    var heartbeat =
                            new HeartbeatEvent.Heartbeat(auction, seat, Instant.now(), instance, host, pid, state, seq);
                    producer.send(new ProducerRecord<>(
                            Topics.AGENT_HEARTBEATS.topicName(),
                            seat.code(),
                            EventJson.mapper().writerFor(HeartbeatEvent.class).writeValueAsBytes(heartbeat)));
                }
                producer.flush();
                stop.await(interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            System.err.println("stand-in agent: " + name + " is not set");
            System.exit(2);
        }
        return value;
    }

    /** "500ms", "2s", "1m" as Spring writes them. */
    static Duration duration(String text) {
        String t = text.strip();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.parse(t);
    }
}
