package dev.iplauction.auction.catalogue;

import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.FranchiseSetup;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A ready-made auction: the players on offer, the ten franchises as they enter it and the squad limits.
 *
 * <p>Retained players appear only in their franchise's {@link FranchiseSetup#retained()}, as {@code
 * SquadPlayer(player, retentionPrice, RETAINED)}; their {@link Player#setCode()} is {@code "Retained"} and their
 * {@link Player#basePrice()} is the retention price.
 *
 * @param id "ipl2025" or "quick"
 * @param name what people see ("IPL 2025 mega auction")
 * @param auctionDate the day the auction was held: what is known about a player is what was known before it
 * @param players the players to be auctioned, in list order (not yet in lot order: see {@link LotOrder})
 * @param franchises all ten franchises, in {@link dev.iplauction.contracts.Franchise} order, with their purse after
 *     retentions, RTM cards and retained players
 */
public record Catalogue(
        String id,
        String name,
        LocalDate auctionDate,
        List<Player> players,
        List<FranchiseSetup> franchises,
        SquadRules squadRules) {

    public Catalogue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(auctionDate, "auctionDate");
        players = List.copyOf(players);
        franchises = List.copyOf(franchises);
        Objects.requireNonNull(squadRules, "squadRules");
    }
}
