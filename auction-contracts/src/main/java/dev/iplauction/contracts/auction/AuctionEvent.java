package dev.iplauction.contracts.auction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import java.time.Instant;
import java.util.List;

/**
 * Everything that happens in an auction, in order, on {@code auction.events} keyed by the auction code. The whole
 * history: an auction is rebuilt and replayed from these alone.
 *
 * <p>{@code seq} counts an auction's events from 1 with no gaps, so a reader can tell a duplicate or a missing event.
 * Token values are never on the wire, only their SHA-256 hashes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AuctionEvent.AuctionCreated.class, name = "AuctionCreated"),
    @JsonSubTypes.Type(value = AuctionEvent.SeatClaimed.class, name = "SeatClaimed"),
    @JsonSubTypes.Type(value = AuctionEvent.SeatReleased.class, name = "SeatReleased"),
    @JsonSubTypes.Type(value = AuctionEvent.AuctionStarted.class, name = "AuctionStarted"),
    @JsonSubTypes.Type(value = AuctionEvent.LotOpened.class, name = "LotOpened"),
    @JsonSubTypes.Type(value = AuctionEvent.BidAccepted.class, name = "BidAccepted"),
    @JsonSubTypes.Type(value = AuctionEvent.BidRefused.class, name = "BidRefused"),
    @JsonSubTypes.Type(value = AuctionEvent.RtmOffered.class, name = "RtmOffered"),
    @JsonSubTypes.Type(value = AuctionEvent.RtmMatched.class, name = "RtmMatched"),
    @JsonSubTypes.Type(value = AuctionEvent.RtmRaised.class, name = "RtmRaised"),
    @JsonSubTypes.Type(value = AuctionEvent.RtmDeclined.class, name = "RtmDeclined"),
    @JsonSubTypes.Type(value = AuctionEvent.LotSold.class, name = "LotSold"),
    @JsonSubTypes.Type(value = AuctionEvent.LotUnsold.class, name = "LotUnsold"),
    @JsonSubTypes.Type(value = AuctionEvent.LotClockRestarted.class, name = "LotClockRestarted"),
    @JsonSubTypes.Type(value = AuctionEvent.AuctionPaused.class, name = "AuctionPaused"),
    @JsonSubTypes.Type(value = AuctionEvent.AuctionResumed.class, name = "AuctionResumed"),
    @JsonSubTypes.Type(value = AuctionEvent.AcceleratedRoundStarted.class, name = "AcceleratedRoundStarted"),
    @JsonSubTypes.Type(value = AuctionEvent.AuctionCompleted.class, name = "AuctionCompleted"),
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface AuctionEvent {

    String auctionCode();

    long seq();

    Instant at();

    /** The auction was created; the host's token is kept only as its hash. */
    record AuctionCreated(String auctionCode, long seq, Instant at, AuctionSetup setup, String hostTokenHash)
            implements AuctionEvent {}

    /** A seat was taken by a new token (a reconnect with the same token is not a new claim). */
    record SeatClaimed(String auctionCode, long seq, Instant at, Franchise franchise, String seatTokenHash)
            implements AuctionEvent {}

    record SeatReleased(String auctionCode, long seq, Instant at, Franchise franchise) implements AuctionEvent {}

    record AuctionStarted(String auctionCode, long seq, Instant at) implements AuctionEvent {}

    /**
     * A player is on the block.
     *
     * @param lot the lot's number in this auction, from 1, never reused (the accelerated round gets new numbers)
     * @param closesAt when the clock runs out if nobody bids
     */
    record LotOpened(String auctionCode, long seq, Instant at, int lot, Round round, Player player, Instant closesAt)
            implements AuctionEvent {}

    record BidAccepted(
            String auctionCode,
            long seq,
            Instant at,
            int lot,
            String playerId,
            Franchise franchise,
            Lakh amount,
            Instant closesAt)
            implements AuctionEvent {}

    /** A bid the auction house told the bidder it refused, and why. */
    record BidRefused(
            String auctionCode,
            long seq,
            Instant at,
            int lot,
            Franchise franchise,
            Lakh amount,
            RefusalReason reason,
            String message)
            implements AuctionEvent {}

    /** The clock ran out on a player whose previous franchise holds a usable card: it may now match the price. */
    record RtmOffered(
            String auctionCode,
            long seq,
            Instant at,
            int lot,
            String playerId,
            Franchise rtmFranchise,
            Franchise highestBidder,
            Lakh price,
            Instant closesAt)
            implements AuctionEvent {}

    /** The card holder matched: the highest bidder may now raise once, until {@code closesAt}. */
    record RtmMatched(
            String auctionCode, long seq, Instant at, int lot, Franchise rtmFranchise, Lakh price, Instant closesAt)
            implements AuctionEvent {}

    /** The highest bidder raised once after a match: the card holder may match this final amount, until closesAt. */
    record RtmRaised(
            String auctionCode, long seq, Instant at, int lot, Franchise franchise, Lakh amount, Instant closesAt)
            implements AuctionEvent {}

    /** The card holder said no (or let its window run out). */
    record RtmDeclined(String auctionCode, long seq, Instant at, int lot, Franchise rtmFranchise)
            implements AuctionEvent {}

    record LotSold(
            String auctionCode,
            long seq,
            Instant at,
            int lot,
            Player player,
            Franchise franchise,
            Lakh price,
            boolean rightToMatch)
            implements AuctionEvent {}

    /** Nobody bid before the clock ran out, or the host skipped the lot. */
    record LotUnsold(String auctionCode, long seq, Instant at, int lot, Player player, boolean skipped)
            implements AuctionEvent {}

    /** After the auction house restarted, the open lot's clock starts a fresh window rather than expire unseen. */
    record LotClockRestarted(String auctionCode, long seq, Instant at, int lot, Instant closesAt)
            implements AuctionEvent {}

    record AuctionPaused(String auctionCode, long seq, Instant at) implements AuctionEvent {}

    /** The auction resumed; the open lot (if any) closes at {@code closesAt}, with the time it had left at the pause. */
    record AuctionResumed(String auctionCode, long seq, Instant at, Instant closesAt) implements AuctionEvent {}

    record AcceleratedRoundStarted(String auctionCode, long seq, Instant at, List<String> playerIds)
            implements AuctionEvent {}

    /** The auction is over; the final standings are here so a reader needs nothing else for results. */
    record AuctionCompleted(
            String auctionCode, long seq, Instant at, CompletionReason reason, List<FranchiseResult> results)
            implements AuctionEvent {}

    enum CompletionReason {
        ALL_LOTS_DONE,
        NO_BIDDER_LEFT,
        ENDED_BY_HOST
    }

    record FranchiseResult(Franchise franchise, Lakh purseLeft, int rtmCardsLeft, List<SquadPlayer> squad) {}
}
