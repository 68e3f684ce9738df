package dev.iplauction.logservice.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The log service's settings ({@code logs.*}); each is checked at start with a message that says what is wrong.
 *
 * @param directory where combined.log, its rotated files and its checkpoint live
 * @param maxFileSize the size at which combined.log is rotated
 * @param maxFiles how many files are kept, the active one included
 * @param maxAge rotated files older than this are deleted
 * @param reorderWindow how long a record is held so that late ones can take their place in time order
 * @param maxHeld how many records may be held at most (the oldest go first beyond it)
 * @param commitInterval how often the file is made durable and its position recorded
 * @param partitions partitions of {@code agent.logs} when this service creates it
 * @param replicas replicas of {@code agent.logs} and its dead-letter topic when this service creates them
 * @param tailMaxSubscribers live tails open at once; more are refused (503)
 * @param tailQueue lines waiting for one tail; beyond it lines are dropped and counted
 * @param tailTimeout how long one tail stream lasts before the server ends it (the client reconnects)
 */
@ConfigurationProperties("logs")
public record LogServiceProperties(
        @DefaultValue("logs") Path directory,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("5") int maxFiles,
        @DefaultValue("7d") Duration maxAge,
        @DefaultValue("2s") Duration reorderWindow,
        @DefaultValue("200000") int maxHeld,
        @DefaultValue("200ms") Duration commitInterval,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("20") int tailMaxSubscribers,
        @DefaultValue("1000") int tailQueue,
        @DefaultValue("30m") Duration tailTimeout) {

    public LogServiceProperties {
        require(maxFileSize.toBytes() >= 1024, "logs.max-file-size must be at least 1KB, not " + maxFileSize);
        require(maxFiles >= 1, "logs.max-files must be at least 1 (the active file), not " + maxFiles);
        require(positive(maxAge), "logs.max-age must be positive, not " + maxAge);
        require(!reorderWindow.isNegative(), "logs.reorder-window cannot be negative: " + reorderWindow);
        require(maxHeld >= 1, "logs.max-held must be at least 1, not " + maxHeld);
        require(positive(commitInterval), "logs.commit-interval must be positive, not " + commitInterval);
        require(partitions >= 1, "logs.partitions must be at least 1, not " + partitions);
        require(replicas >= 1, "logs.replicas must be at least 1, not " + replicas);
        require(tailMaxSubscribers >= 1, "logs.tail-max-subscribers must be at least 1, not " + tailMaxSubscribers);
        require(
                tailQueue >= 1_000,
                "logs.tail-queue must be at least 1000 (a tail may ask for the last 1000 lines), not " + tailQueue);
        require(positive(tailTimeout), "logs.tail-timeout must be positive, not " + tailTimeout);
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
