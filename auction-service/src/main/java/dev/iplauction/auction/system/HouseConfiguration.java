package dev.iplauction.auction.system;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.AuctionObserver;
import dev.iplauction.auction.house.CreationGate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HouseConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The shipped catalogues, and the catalogue file {@code AUCTION_CATALOGUE} names when it names no shipped one: the
     * bootstrap auction is then played from that file. A file that breaks the format stops the start with a message
     * naming the line and field.
     */
    @Bean
    CatalogueRepository catalogueRepository(AuctionProperties properties) {
        CatalogueRepository shipped = CatalogueRepository.fromClasspath();
        String catalogue = properties.bootstrap().catalogue().trim();
        boolean file = shipped.byId(catalogue).isEmpty() && (catalogue.contains("/") || catalogue.endsWith(".json"));
        return file ? shipped.with(Path.of(catalogue)) : shipped;
    }

    /** Names the auctions the rebuild found damaged and those waiting for a reload; UP either way (the rest work). */
    @Bean
    HealthIndicator auctionsHealth(AuctionHouse house) {
        return () -> Health.up()
                .withDetail("damaged", house.damaged())
                .withDetail("reloading", house.reloading())
                .build();
    }

    @Bean(destroyMethod = "close")
    AuctionHouse auctionHouse(
            AuctionEventLog eventLog,
            Clock clock,
            CatalogueRepository catalogues,
            List<AuctionObserver> observers,
            AuctionProperties properties) {
        return new AuctionHouse(
                eventLog,
                clock,
                catalogues,
                observers,
                new AuctionHouse.Settings(
                        properties.bidWindow(),
                        properties.acceleratedWindow(),
                        properties.rtmWindow(),
                        properties.writeTimeout(),
                        properties.tick(),
                        properties.outcomeTimeout(),
                        properties.limits().finishedKept()),
                new CreationGate(
                        properties.limits().maxLiveAuctions(),
                        properties.limits().creationsPerMinute(),
                        clock));
    }
}
