package dev.iplauction.auction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The auction house: auctions, seats, the auctioneer's clock, the rules, pages and an API, all on Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuctionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuctionServiceApplication.class, args);
    }
}
