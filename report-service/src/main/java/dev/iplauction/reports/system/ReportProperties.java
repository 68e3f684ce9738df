package dev.iplauction.reports.system;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The report service's settings ({@code reports.*}, or the environment variables in the README).
 *
 * @param dir where reports are written, one folder per auction
 * @param stateDir where Kafka Streams keeps its state stores (they are also changelogged to Kafka)
 * @param applicationId the Kafka Streams application id: its consumer group and the prefix of its internal topics
 * @param settle how long after the last late event a completed auction's report is written again
 * @param scanInterval how often the stream looks for reports to write again
 * @param replayTimeout how long a replay may take to read the topics to their ends
 * @param streamThreads Kafka Streams threads
 * @param createTopics whether to create the topics read (and their dead-letter topics) when they are missing, so the
 *     service can start before the services that own them; existing topics are left as they are
 * @param auctionPartitions partitions of auction.events when created here (as auction-service creates it)
 * @param agentPartitions partitions of the agent and orchestrator topics when created here (as agent-service does)
 * @param maxConcurrentReplays replays running at once (each scans six topics); more are refused with 503
 */
@Validated
@ConfigurationProperties("reports")
public record ReportProperties(
        @DefaultValue("reports") @NotBlank String dir,

        @DefaultValue("data-local/report-service/state") @NotBlank
        String stateDir,

        @DefaultValue("report-service")
        @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be letters, digits, '.', '_' or '-'")
        String applicationId,

        @DefaultValue("2s") Duration settle,
        @DefaultValue("250ms") Duration scanInterval,
        @DefaultValue("2m") Duration replayTimeout,
        @DefaultValue("1") @Min(1) @Max(16) int streamThreads,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("3") @Min(1) int auctionPartitions,
        @DefaultValue("10") @Min(1) int agentPartitions,
        @DefaultValue("2") @Min(1) @Max(16) int maxConcurrentReplays) {

    @AssertTrue(message = "reports.settle, reports.scan-interval and reports.replay-timeout must be longer than zero")
    public boolean isPositive() {
        return positive(settle) && positive(scanInterval) && positive(replayTimeout);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
