package dev.iplauction.auction.system;

import dev.iplauction.contracts.AuctionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * @param outcomeTimeout how long a caller whose write failed waits for the reload that says whether it happened
 * @param tick how often the clock looks for windows that have run out
 * @param bootstrap an auction to create at start-up, if it does not exist yet
 * @param limits what one client, and everyone together, may ask of the house
 * @param seatSecret the agents' seat secret ({@code AGENT_SEAT_SECRET}); empty: the shared file, made if absent
 * @param reportUrl report-service as a browser reaches it ({@code AUCTION_REPORT_URL}): the results page links to
 *     {@code <report-url>/reports/<CODE>}; blank: no link
 */
@Validated
@ConfigurationProperties("auction")
public record AuctionProperties(
        @DefaultValue("10s") Duration bidWindow,
        @DefaultValue("5s") Duration acceleratedWindow,
        @DefaultValue("8s") Duration rtmWindow,
        @DefaultValue("5s") Duration writeTimeout,
        @DefaultValue("60s") Duration outcomeTimeout,
        @DefaultValue("20ms") Duration tick,
        @Valid @DefaultValue Bootstrap bootstrap,
        @Valid @DefaultValue Limits limits,
        @DefaultValue("") String seatSecret,
        @DefaultValue("") String reportUrl) {

    /**
     * @param maxLiveAuctions unfinished auctions at once; one more is refused (409)
     * @param creationsPerMinute auctions one client (remote address) may create a minute; more are refused (429)
     * @param streamQueue views waiting for one live page before it counts as too slow and is dropped
     * @param streamsPerAuction live pages (update streams) one auction takes at once; more are refused (503)
     * @param finishedKept finished auctions kept in memory; past it the oldest leave (the event log and report-service
     *     keep them)
     */
    public record Limits(
            @DefaultValue("100") @Min(1) int maxLiveAuctions,
            @DefaultValue("20") @Min(1) int creationsPerMinute,
            @DefaultValue("32") @Min(1) @Max(10_000) int streamQueue,
            @DefaultValue("200") @Min(1) int streamsPerAuction,
            @DefaultValue("200") @Min(0) @Max(100_000) int finishedKept) {}

    /**
     * @param code the auction's code (six letters or digits); empty for none
     * @param catalogue which players: ipl2025, ipl2026, quick, or the path of a catalogue file
     * @param hostToken the host's token; empty: one is made and kept in an owner-only file (never logged)
     * @param seed the set-order seed; empty: random
     * @param humanFranchise a franchise held for a person behind an invitation; empty for none
     */
    public record Bootstrap(
            @DefaultValue("") String code,
            @DefaultValue("ipl2025") String catalogue,
            @DefaultValue("") String hostToken,
            Long seed,
            @DefaultValue("") String humanFranchise) {

        public boolean enabled() {
            return code != null && !code.isBlank();
        }

        @AssertTrue(
                message = "auction.bootstrap.human-franchise (HUMAN_FRANCHISE) must be a franchise code such as RCB")
        public boolean isHumanFranchiseValid() {
            if (humanFranchise == null || humanFranchise.isBlank()) {
                return true;
            }
            return dev.iplauction.contracts.Franchise.fromCode(
                            humanFranchise.strip().toUpperCase(java.util.Locale.ROOT))
                    .isPresent();
        }

        @AssertTrue(message = "auction.bootstrap.code (AUCTION_CODE) must be six letters or digits, such as ABCD12")
        public boolean isCodeValid() {
            return !enabled() || AuctionCode.isValid(code);
        }
    }

    @AssertTrue(message = "auction.outcome-timeout must be longer than zero")
    public boolean isOutcomeTimeoutValid() {
        return !outcomeTimeout.isNegative() && !outcomeTimeout.isZero();
    }

    @AssertTrue(
            message = "auction.report-url (AUCTION_REPORT_URL) must be blank (no link) or an absolute http(s) address"
                    + " such as http://localhost:8084")
    public boolean isReportUrlValid() {
        if (reportUrl == null || reportUrl.isBlank()) {
            return true;
        }
        try {
            java.net.URI uri = new java.net.URI(reportUrl.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
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
