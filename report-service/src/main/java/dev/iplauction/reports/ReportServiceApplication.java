package dev.iplauction.reports;

import dev.iplauction.reports.replay.ReplayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Profiles, reports and replays of auctions from the event stream. With {@code --replay=CODE} it replays that auction
 * from the command line and exits, without starting the service ({@link ReplayCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportServiceApplication {

    public static void main(String[] args) {
        if (ReplayCommand.wanted(args)) {
            System.exit(ReplayCommand.run(args, System.getenv(), System.out, System.err));
        }
        SpringApplication.run(ReportServiceApplication.class, args);
    }
}
