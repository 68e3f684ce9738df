package dev.iplauction.contracts.auction;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import java.util.List;
import java.util.Objects;

/**
 * Everything an auction is created with, enough to play it again from nothing.
 *
 * @param name what people see ("IPL 2025 mega auction", "Quick auction")
 * @param pool the players to be auctioned, already in lot order (sets in the official order, shuffled within each set
 *     by the seed)
 * @param franchises each franchise's purse, retained players and RTM cards at the start
 * @param bidWindowMillis the auctioneer's clock: how long a lot stays open after it opens and after each bid
 * @param acceleratedWindowMillis the same for the accelerated round
 * @param rtmWindowMillis how long each right-to-match step waits for an answer
 * @param seed the seed the set order was shuffled with
 * @param overseasFeeCap the most an overseas player is paid, however high the winning bid (the purse still pays the
 *     whole bid); null for no cap. Absent from auctions recorded before it existed, which read as null.
 * @param increments the bid ladder; null for the IPL's ({@link #ladder()}), as auctions recorded before it existed read
 */
public record AuctionSetup(
        String name,
        List<Player> pool,
        List<FranchiseSetup> franchises,
        SquadRules squadRules,
        long bidWindowMillis,
        long acceleratedWindowMillis,
        long rtmWindowMillis,
        long seed,
        @JsonInclude(JsonInclude.Include.NON_NULL) Lakh overseasFeeCap,
        @JsonInclude(JsonInclude.Include.NON_NULL) Increments increments) {

    /** An auction on the IPL's bid ladder without an overseas fee cap. */
    public AuctionSetup(
            String name,
            List<Player> pool,
            List<FranchiseSetup> franchises,
            SquadRules squadRules,
            long bidWindowMillis,
            long acceleratedWindowMillis,
            long rtmWindowMillis,
            long seed) {
        this(
                name,
                pool,
                franchises,
                squadRules,
                bidWindowMillis,
                acceleratedWindowMillis,
                rtmWindowMillis,
                seed,
                null,
                null);
    }

    public AuctionSetup {
        Objects.requireNonNull(name, "name");
        pool = List.copyOf(pool);
        franchises = List.copyOf(franchises);
        Objects.requireNonNull(squadRules, "squadRules");
    }

    /** The bid ladder this auction is played on. */
    public Increments ladder() {
        return increments == null ? Increments.IPL : increments;
    }
}
