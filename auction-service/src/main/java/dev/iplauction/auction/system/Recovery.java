package dev.iplauction.auction.system;

import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.auction.house.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Before the web server takes requests: rebuild every auction from {@code auction.events}, then create the configured
 * auction if it does not exist yet (so {@code AUCTION_CODE=ABCD12} works on the first start and on every restart).
 */
@Component
class Recovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final AuctionHouse house;
    private final AuctionProperties properties;
    private volatile boolean running;

    Recovery(AuctionHouse house, AuctionProperties properties) {
        this.house = house;
        this.properties = properties;
    }

    @Override
    public void start() {
        house.recover();
        var bootstrap = properties.bootstrap();
        if (bootstrap.enabled()) {
            String hostToken = bootstrap.hostToken().isBlank() ? Tokens.newToken() : bootstrap.hostToken();
            var request = CreateAuction.of(bootstrap.catalogue());
            if (bootstrap.seed() != null) {
                request = request.withSeed(bootstrap.seed());
            }
            house.createIfAbsent(bootstrap.code(), request, hostToken)
                    .ifPresentOrElse(
                            created -> log.info(
                                    "auction {} created from configuration; host token: {}",
                                    created.code(),
                                    bootstrap.hostToken().isBlank() ? created.hostToken() : "(as configured)"),
                            () -> log.info("auction {} from configuration already exists", bootstrap.code()));
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: before the web server (which starts late) takes its first request. */
    @Override
    public int getPhase() {
        return 0;
    }
}
