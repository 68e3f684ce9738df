package dev.iplauction.auction.metrics;

import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.web.LiveUpdates;
import dev.iplauction.contracts.auction.AuctionEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hooks the meters onto the house without the house knowing: the event log is wrapped and the live pages are counted
 * by a gauge.
 */
@Configuration(proxyBeanMethods = false)
class HouseMetricsConfiguration {

    @Bean
    HouseMeters houseMeters(MeterRegistry registry) {
        return new HouseMeters(registry);
    }

    @Bean
    Gauge sseClients(MeterRegistry registry, LiveUpdates live) {
        return Gauge.builder("auction.sse.clients", live, LiveUpdates::subscribers)
                .description("Pages following an auction's live updates now")
                .register(registry);
    }

    /** Static, so that wrapping the log does not pull the meter registry into existence early. */
    @Bean
    static BeanPostProcessor meteredAuctionEventLog(ObjectProvider<HouseMeters> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof AuctionEventLog log ? new MeteredEventLog(log, meters) : bean;
            }
        };
    }

    /**
     * The log, with every append timed and its events counted once the log has them. A plain wrapper, not a Spring AOP
     * proxy: the proxy's reflective call was 3 % of the house's CPU per bid (bench-bids, flight recording).
     */
    private static final class MeteredEventLog implements AuctionEventLog, AutoCloseable {

        private final AuctionEventLog log;
        private final ObjectProvider<HouseMeters> meters;
        /** Looked up on first use: a bean factory lookup on every append (under the auction's lock) was 5 % of it. */
        private volatile HouseMeters found;

        MeteredEventLog(AuctionEventLog log, ObjectProvider<HouseMeters> meters) {
            this.log = log;
            this.meters = meters;
        }

        @Override
        public CompletableFuture<Void> append(String auctionCode, List<AuctionEvent> events) {
            long start = System.nanoTime();
            CompletableFuture<Void> written = log.append(auctionCode, events);
            HouseMeters houseMeters = found;
            if (houseMeters == null) {
                houseMeters = meters.getIfAvailable();
                found = houseMeters;
            }
            return houseMeters == null ? written : houseMeters.appended(events, written, start);
        }

        @Override
        public Map<String, List<AuctionEvent>> readAll() {
            return log.readAll();
        }

        @Override
        public void deadLetter(AuctionEvent event, String reason) {
            log.deadLetter(event, reason);
        }

        @Override
        public void close() throws Exception {
            if (log instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
