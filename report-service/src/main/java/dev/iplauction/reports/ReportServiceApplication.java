package dev.iplauction.reports;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.iplauction.reports.replay.ReplayCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Reports and replays of auctions from the event stream. With {@code --replay=CODE} it replays that auction
 * from the command line and exits, without starting the service ({@link ReplayCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportServiceApplication {

    public static void main(String[] args) {
        if (ReplayCommand.wanted(args)) {
            // Without Spring, logback logs everything at DEBUG; the command prints its own summary.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
                logs.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            }
            System.exit(ReplayCommand.run(args, System.getenv(), System.out, System.err));
        }
        SpringApplication.run(ReportServiceApplication.class, args);
    }
}
