package dev.iplauction.agent.browser;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auction as a seat's page shows it: the parts of the page's {@code window.__auction} snapshot an agent needs
 * (see PAGE_CONTRACT.md, "The live state"). Money is in lakh.
 *
 * @param seq the number of the auction's last event in this snapshot: it only goes up
 * @param serverTime the auction house's clock when it made the snapshot
 * @param receivedAt the browser's clock when the page applied the snapshot (the same machine's clock as this JVM's)
 * @param lot the player on the block, or null between lots, before the start and after the end
 * @param franchises all ten franchises, in the house's order
 * @param recent the last finished lots, newest first
 */
public record RoomView(
        String code,
        Phase phase,
        Round round,
        long seq,
        Instant serverTime,
        Instant receivedAt,
        Rules rules,
        Lot lot,
        List<FranchiseState> franchises,
        List<LotResult> recent,
        Progress progress) {

    public RoomView {
        franchises = List.copyOf(franchises);
        recent = List.copyOf(recent);
    }

    public enum Phase {
        LOBBY,
        RUNNING,
        PAUSED,
        COMPLETED,
        /** A phase this agent does not know (a newer auction house). */
        UNKNOWN
    }

    public enum Round {
        MAIN,
        ACCELERATED,
        UNKNOWN
    }

    public enum Stage {
        BIDDING,
        /** The clock ran out; the player's 2024 franchise may match the highest bid with a card. */
        RTM_OFFERED,
        /** The card holder matched; the highest bidder may raise once. */
        RTM_MATCHED,
        /** The highest bidder raised; the card holder may match the raise. */
        RTM_RAISED,
        UNKNOWN
    }

    /**
     * @param squad the squad limits and the lowest base price
     * @param bidWindow the clock after each bid in the main round
     * @param acceleratedWindow the same in the accelerated round
     * @param rtmWindow how long each right-to-match step waits
     */
    public record Rules(SquadRules squad, Duration bidWindow, Duration acceleratedWindow, Duration rtmWindow) {}

    /**
     * @param currentBid the highest bid, or null while nobody has bid
     * @param highestBidder who holds it, or null
     * @param nextBid the only amount a bid may name now (the base price, then the current bid plus its increment)
     * @param closesAt when the current window closes, on the house's clock; null when no clock runs
     * @param remaining the time left in the window when the snapshot was made (what a paused lot keeps)
     * @param rtmFranchise the franchise holding the right to match in an RTM stage, else null
     * @param bids how many bids the lot has had
     */
    public record Lot(
            int number,
            Stage stage,
            Player player,
            Lakh basePrice,
            Lakh currentBid,
            Franchise highestBidder,
            Lakh nextBid,
            Instant closesAt,
            Duration remaining,
            Franchise rtmFranchise,
            int bids) {

        /** Whether this franchise holds the highest bid at exactly this amount. */
        public boolean isHeldBy(Franchise franchise, Lakh amount) {
            return franchise == highestBidder && amount != null && amount.equals(currentBid);
        }
    }

    /**
     * One franchise's standing.
     *
     * @param seatTaken whether someone (a person or an agent) holds its seat
     * @param maxBid the most it may bid now, keeping enough to fill its minimum squad (0 when full)
     * @param spent what it has spent at this auction (retentions excluded)
     * @param roles its squad's count of each role
     */
    public record FranchiseState(
            Franchise franchise,
            boolean seatTaken,
            Lakh purse,
            Lakh maxBid,
            int squadSize,
            int overseasCount,
            int rtmCards,
            Lakh spent,
            Map<Role, Integer> roles) {

        public FranchiseState {
            roles = Map.copyOf(roles);
        }
    }

    /**
     * A finished lot.
     *
     * @param soldTo the buyer, or null when unsold
     * @param price what he went for, or null when unsold
     */
    public record LotResult(
            int lot,
            Round round,
            String playerId,
            String playerName,
            Franchise soldTo,
            Lakh price,
            boolean rightToMatch,
            boolean skipped) {}

    public record Progress(int lotsDone, int lotsRemaining, int sold, int unsold) {}

    public Optional<Lot> currentLot() {
        return Optional.ofNullable(lot);
    }

    /** This franchise's standing; every auction has all ten. */
    public FranchiseState franchise(Franchise franchise) {
        return franchises.stream()
                .filter(f -> f.franchise() == franchise)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(franchise + " is not in auction " + code));
    }

    /**
     * How long the current window has left at {@code now} (this JVM's clock), corrected for the difference between
     * the house's clock and this machine's as the page contract describes: {@code closesAt - (now + (serverTime -
     * receivedAt))}. Zero when no clock runs; what was left when paused while paused.
     */
    public Duration remaining(Instant now) {
        if (lot == null) {
            return Duration.ZERO;
        }
        if (phase == Phase.PAUSED) {
            return lot.remaining();
        }
        if (phase != Phase.RUNNING || lot.closesAt() == null) {
            return Duration.ZERO;
        }
        Duration houseAhead =
                serverTime == null || receivedAt == null ? Duration.ZERO : Duration.between(receivedAt, serverTime);
        Duration left = Duration.between(now.plus(houseAhead), lot.closesAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
