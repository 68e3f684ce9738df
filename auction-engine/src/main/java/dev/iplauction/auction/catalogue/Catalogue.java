package dev.iplauction.auction.catalogue;

import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.FranchiseSetup;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A ready-made auction: the players on offer, the franchises as they enter it and the rules it is played by. Read
 * from a catalogue file (see {@code docs/data.md}).
 *
 * <p>Retained players appear only in their franchise's {@link FranchiseSetup#retained()}, as {@code
 * SquadPlayer(player, retentionPrice, RETAINED)}; their {@link Player#setCode()} is {@code "Retained"} and their
 * {@link Player#basePrice()} is the retention price.
 *
 * @param id "ipl2025", "ipl2026", "quick" or the id a user's file gives
 * @param name what people see ("IPL 2025 mega auction")
 * @param auctionDate the day the auction was held: what is known about a player is what was known before it
 * @param players the players to be auctioned, in list order (not yet in lot order: see {@link #lotOrder(long)})
 * @param franchises the franchises taking part, in {@link dev.iplauction.contracts.Franchise} order, with their purse
 *     after retentions, RTM cards and retained players
 * @param setOrder the order the sets come up in; a set not named here comes after them all
 * @param overseasFeeCap the most an overseas player is paid (the purse pays the whole bid), or null for no cap
 * @param increments the bid ladder
 */
public record Catalogue(
        String id,
        String name,
        LocalDate auctionDate,
        List<Player> players,
        List<FranchiseSetup> franchises,
        SquadRules squadRules,
        List<String> setOrder,
        Lakh overseasFeeCap,
        Increments increments) {

    public Catalogue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(auctionDate, "auctionDate");
        players = List.copyOf(players);
        franchises = List.copyOf(franchises);
        Objects.requireNonNull(squadRules, "squadRules");
        setOrder = List.copyOf(setOrder);
        Objects.requireNonNull(increments, "increments");
    }

    /**
     * A catalogue in the IPL's usual set order (marquee, then capped and uncapped sets round by round), on the IPL's bid
     * ladder, no fee cap.
     */
    public Catalogue(
            String id,
            String name,
            LocalDate auctionDate,
            List<Player> players,
            List<FranchiseSetup> franchises,
            SquadRules squadRules) {
        this(
                id,
                name,
                auctionDate,
                players,
                franchises,
                squadRules,
                LotOrder.standardSetOrder(players),
                null,
                Increments.IPL);
    }

    /** The players in the order they come up: {@link #setOrder()}, shuffled within each set by the seed. */
    public List<Player> lotOrder(long seed) {
        return LotOrder.arrange(players, setOrder, seed);
    }
}
