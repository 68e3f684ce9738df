package dev.iplauction.auction.system;

import dev.iplauction.contracts.AuctionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The auction house's settings ({@code auction.*}, or environment variables such as {@code AUCTION_BID_WINDOW}).
 *
 * @param bidWindow the auctioneer's clock for a lot when a request names none
 * @param acceleratedWindow the same for the accelerated round
 * @param rtmWindow how long each right-to-match step waits
 * @param writeTimeout how long a change may wait for the event log before it is refused
 * @param tick how often the clock looks for windows that have run out
 * @param bootstrap an auction to create at start-up, if it does not exist yet
 */
@Validated
@ConfigurationProperties("auction")
public record AuctionProperties(
        @DefaultValue("10s") Duration bidWindow,
        @DefaultValue("5s") Duration acceleratedWindow,
        @DefaultValue("8s") Duration rtmWindow,
        @DefaultValue("5s") Duration writeTimeout,
        @DefaultValue("20ms") Duration tick,
        @Valid @DefaultValue Bootstrap bootstrap) {

    /**
     * @param code the auction's code (six letters or digits); empty for none
     * @param catalogue which players: ipl2025 or quick
     * @param hostToken the host's token; empty: one is made and logged
     * @param seed the set-order seed; empty: random
     */
    public record Bootstrap(
            @DefaultValue("") String code,
            @DefaultValue("ipl2025") String catalogue,
            @DefaultValue("") String hostToken,
            Long seed) {

        public boolean enabled() {
            return code != null && !code.isBlank();
        }

        @AssertTrue(message = "auction.bootstrap.code (AUCTION_CODE) must be six letters or digits, such as ABCD12")
        public boolean isCodeValid() {
            return !enabled() || AuctionCode.isValid(code);
        }
    }

    @AssertTrue(message = "auction windows, write timeout and tick must all be longer than zero")
    public boolean isPositive() {
        return !bidWindow.isNegative()
                && !bidWindow.isZero()
                && !acceleratedWindow.isNegative()
                && !acceleratedWindow.isZero()
                && !rtmWindow.isNegative()
                && !rtmWindow.isZero()
                && !writeTimeout.isNegative()
                && !writeTimeout.isZero()
                && !tick.isNegative()
                && !tick.isZero();
    }
}
