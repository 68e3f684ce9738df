package dev.iplauction.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running in this JVM.
 *
 * <p>{@link #start} formats the data directory on first use only, so topics and records survive a restart on the same
 * directory.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    /** How long {@link #start} waits for the broker to answer before giving up. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Held while the broker runs. Kafka locks its log directory only once the broker part starts, after the controller
     * has already written to the metadata log there; a second broker on the same directory (on other ports) would
     * corrupt the first one's metadata log before failing. This lock stops it before it touches anything.
     */
    private static final String LOCK_FILE = ".local-kafka.lock";

    private final LocalKafkaConfig config;
    private final FileLock dataDirLock;
    private final KafkaRaftServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafka(LocalKafkaConfig config, FileLock dataDirLock, KafkaRaftServer server) {
        this.config = config;
        this.dataDirLock = dataDirLock;
        this.server = server;
    }

    /**
     * Starts the broker and returns once it answers clients.
     *
     * @throws IllegalStateException if a port is taken, another LocalKafka uses the data directory, the storage cannot
     *     be formatted or the broker does not come up
     */
    public static LocalKafka start(LocalKafkaConfig config) {
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(config.brokerProperties(), false);
        checkFree(config.host(), config.port(), "port");
        checkFree(config.host(), config.controllerPort(), "controller port");
        FileLock dataDirLock = lockDataDir(config.dataDir());
        LocalKafka kafka;
        try {
            formatStorageIfNew(config, kafkaConfig);
            kafka = new LocalKafka(config, dataDirLock, new KafkaRaftServer(kafkaConfig, Time.SYSTEM));
        } catch (RuntimeException e) {
            release(dataDirLock);
            throw e;
        }
        try {
            kafka.server.startup();
            log.debug("Kafka server started, asking it to describe the cluster");
            kafka.awaitAnswer(STARTUP_TIMEOUT);
        } catch (RuntimeException e) {
            try {
                kafka.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw new IllegalStateException(
                    "Kafka did not start on " + config.bootstrapServers() + ": " + e.getMessage(), e);
        }
        return kafka;
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public LocalKafkaConfig config() {
        return config;
    }

    /** Shuts the broker down and waits until it has stopped. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } finally {
                release(dataDirLock);
            }
            log.info("Kafka at {} stopped", bootstrapServers());
        }
    }

    /** Blocks until the broker has shut down, by {@link #close()} or by itself. */
    void awaitShutdown() {
        server.awaitShutdown();
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * Fails fast, with a plain message, where Kafka would fail after a second with a long stack trace. Only a
     * courtesy: the port can still be taken between this check and Kafka binding it, and then Kafka's error stands.
     */
    private static void checkFree(String host, int port, String name) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            String hint = String.valueOf(e.getMessage()).contains("in use")
                    ? ". Is another Kafka running there? Stop it or choose another " + name + "."
                    : "";
            throw new IllegalStateException(
                    "Kafka cannot listen on " + host + ":" + port + " (" + name + "): " + e.getMessage() + hint, e);
        }
    }

    private static FileLock lockDataDir(Path dataDir) {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        String inUse = "Kafka data directory " + dataDir + " is in use by another LocalKafka (it holds " + lockFile
                + "). Stop that one or choose another data directory.";
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use " + dataDir + " for Kafka's data: " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another LocalKafka in this JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException(inUse);
        }
        return lock;
    }

    /** Closing the channel releases the lock; the file stays, as deleting a lock file races with the next owner. */
    private static void release(FileLock lock) {
        closeQuietly(lock.channel());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Could not close {}: {}", channel, e.getMessage());
        }
    }

    private static void formatStorageIfNew(LocalKafkaConfig config, KafkaConfig kafkaConfig) {
        Path dataDir = config.dataDir();
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            log.info("Reusing Kafka storage in {}", dataDir);
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(LocalKafkaConfig.NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(kafkaConfig.metadataLogDir())
                    .setControllerListenerName(LocalKafkaConfig.CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not format Kafka storage in " + dataDir + ": " + e.getMessage() + " " + output, e);
        }
        log.info("Formatted new Kafka storage in {} (cluster id {})", dataDir, clusterId);
    }

    private void awaitAnswer(Duration timeout) {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                timeoutMs,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "local-kafka-readiness");
        try (Admin admin = Admin.create(adminConfig)) {
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .nodes()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            log.debug("Kafka at {} answered with nodes {}", bootstrapServers(), nodes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka at " + bootstrapServers(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers() + " did not answer within " + timeout + ": " + e.getMessage(), e);
        }
    }
}
