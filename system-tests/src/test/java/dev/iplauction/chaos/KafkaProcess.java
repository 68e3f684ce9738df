package dev.iplauction.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in its own JVM ({@code LocalKafkaMain} from this module's test classpath), so a test can
 * pause it (SIGSTOP), kill it (SIGKILL) and start it again on the same ports and data directory.
 */
final class KafkaProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Path logDir;
    private Process process;
    private int starts;

    KafkaProcess(Path dataDir, Path logDir) {
        int[] ports = twoFreePorts();
        this.port = ports[0];
        this.controllerPort = ports[1];
        this.dataDir = dataDir;
        this.logDir = logDir;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it says it is ready. */
    void start() {
        starts++;
        Path logFile = logDir.resolve("kafka-" + starts + ".log");
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(List.of(
                            javaExecutable(),
                            "-Xmx512m",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "dev.iplauction.localkafka.LocalKafkaMain",
                            "--port",
                            String.valueOf(port),
                            "--controller-port",
                            String.valueOf(controllerPort),
                            "--data-dir",
                            dataDir.toAbsolutePath().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka", e);
        }
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited while starting; see " + logFile);
            }
            try {
                if (Files.readString(logFile, StandardCharsets.UTF_8).contains("Kafka ready at")) {
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Kafka was not ready within " + STARTUP_TIMEOUT + "; see " + logFile);
    }

    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    /** SIGKILL: no shutdown, no flush beyond what the OS already has. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " failed with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            resume();
            process.destroy();
            try {
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Both sockets are held while the second is picked, so the two ports always differ. */
    private static int[] twoFreePorts() {
        try (ServerSocket first = new ServerSocket(0);
                ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
