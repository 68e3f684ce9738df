package dev.iplauction.localkafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the local broker listens and keeps its data.
 *
 * @param port the PLAINTEXT port clients connect to
 * @param controllerPort the KRaft controller port (only the broker itself talks to it)
 * @param dataDir the log directory; formatted on first start, reused afterwards
 * @param host the address both listeners bind to and the broker advertises
 */
public record LocalKafkaConfig(int port, int controllerPort, Path dataDir, String host) {

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final Path DEFAULT_DATA_DIR = Path.of("data-local", "kafka");
    public static final String DEFAULT_HOST = "127.0.0.1";

    static final String USAGE = """
            Usage: local-kafka [--port N] [--controller-port N] [--data-dir PATH] [--host H]
              --port N             client (PLAINTEXT) port, default 9092
              --controller-port N  KRaft controller port, default 9093
              --data-dir PATH      log directory, default ./data-local/kafka
              --host H             address to bind and advertise, default 127.0.0.1""";

    /** The node id of the single broker+controller. */
    static final int NODE_ID = 1;

    static final String CONTROLLER_LISTENER = "CONTROLLER";

    public LocalKafkaConfig {
        checkPort("port", port);
        checkPort("controller port", controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException(
                    "port and controller port must differ, both are " + port + ": the two listeners cannot share one");
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("data dir is missing");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is blank: give an address to bind to, such as 127.0.0.1");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public static LocalKafkaConfig defaults() {
        return new LocalKafkaConfig(DEFAULT_PORT, DEFAULT_CONTROLLER_PORT, DEFAULT_DATA_DIR, DEFAULT_HOST);
    }

    /**
     * Reads {@code --port N --controller-port N --data-dir PATH --host H} (each also as {@code --flag=value}); flags
     * left out keep their defaults.
     *
     * @throws IllegalArgumentException naming the flag and what is wrong with it
     */
    public static LocalKafkaConfig fromArgs(String[] args) {
        int port = DEFAULT_PORT;
        int controllerPort = DEFAULT_CONTROLLER_PORT;
        Path dataDir = DEFAULT_DATA_DIR;
        String host = DEFAULT_HOST;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            } else if (i + 1 < args.length && isKnown(flag)) {
                value = args[++i];
            } else if (isKnown(flag)) {
                throw new IllegalArgumentException(flag + " needs a value");
            } else {
                throw new IllegalArgumentException(
                        "unknown option '" + flag + "': expected --port, --controller-port, --data-dir or --host");
            }
            switch (flag) {
                case "--port" -> port = parsePort(flag, value);
                case "--controller-port" -> controllerPort = parsePort(flag, value);
                case "--data-dir" -> dataDir = parseDataDir(flag, value);
                case "--host" -> host = value;
                default ->
                    throw new IllegalArgumentException(
                            "unknown option '" + flag + "': expected --port, --controller-port, --data-dir or --host");
            }
        }
        return new LocalKafkaConfig(port, controllerPort, dataDir, host);
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** The broker settings: one node that is both broker and controller, everything replicated once. */
    Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put(
                "listeners",
                "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        // One partition, as Testcontainers' KafkaContainer has it: the default 50 buys nothing on one broker, and the
        // group coordinator loading them all makes the first group join and a quick shutdown slower and noisier.
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        // Back-to-back transactions from one producer (the auction house's event log): the next one's first write meets
        // the last one's markers still being written, and the broker retries adding the partition after this long.
        // Kafka's 20 ms stalled about one commit in twenty: on 2 cores (scripts/bench-bids.sh) a bare transactional
        // producer wrote 4,200 records/s and the house took 1,700 bids/s; with 2 ms, 12,800 and 5,300. 1 ms: no more.
        props.put("add.partitions.to.txn.retry.backoff.ms", "2");
        return props;
    }

    private static boolean isKnown(String flag) {
        return switch (flag) {
            case "--port", "--controller-port", "--data-dir", "--host" -> true;
            default -> false;
        };
    }

    private static int parsePort(String flag, String value) {
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a port number, but '" + value + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(flag + " must be between 1 and 65535, but is " + port);
        }
        return port;
    }

    private static Path parseDataDir(String flag, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(flag + " is blank: give the directory to keep Kafka's data in");
        }
        return Path.of(value);
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be between 1 and 65535, but is " + port);
        }
    }
}
