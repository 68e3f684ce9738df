package dev.iplauction.localkafka;

import java.util.Arrays;

/**
 * Runs {@link LocalKafka} in the foreground until SIGTERM or Ctrl-C.
 *
 * <p>Exit codes: 2 for bad arguments, 1 if the broker cannot start or stops by itself; after SIGTERM or Ctrl-C the
 * JVM's usual 143 or 130, once the broker has shut down cleanly.
 */
final class LocalKafkaMain {

    /** Kafka's own loggers at WARN; a resource under another name so that libraries using LocalKafka keep theirs. */
    private static final String LOGBACK_CONFIG = "local-kafka-logback.xml";

    private LocalKafkaMain() {}

    public static void main(String[] args) {
        // Before anything touches SLF4J, so Logback picks this file up.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(LocalKafkaConfig.USAGE);
            return;
        }
        LocalKafkaConfig config;
        try {
            config = LocalKafkaConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-kafka: " + e.getMessage());
            System.err.println(LocalKafkaConfig.USAGE);
            System.exit(2);
            return;
        }
        LocalKafka kafka;
        try {
            kafka = LocalKafka.start(config);
        } catch (RuntimeException e) {
            System.err.println("local-kafka: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "local-kafka-shutdown"));
        System.out.println("Kafka ready at " + kafka.bootstrapServers() + " (data: " + config.dataDir() + ")");
        kafka.awaitShutdown();
        if (!kafka.isClosed()) {
            System.err.println("local-kafka: the broker stopped by itself; see the log above");
            System.exit(1);
        }
    }
}
