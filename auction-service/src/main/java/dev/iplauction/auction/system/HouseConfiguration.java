package dev.iplauction.auction.system;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.AuctionObserver;
import dev.iplauction.auction.house.CreationGate;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HouseConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CatalogueRepository catalogueRepository() {
        return CatalogueRepository.fromClasspath();
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
                        properties.tick()),
                new CreationGate(
                        properties.limits().maxLiveAuctions(),
                        properties.limits().creationsPerMinute(),
                        clock));
    }
}
