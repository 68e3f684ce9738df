package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Role;
import java.util.Map;

/**
 * One franchise as the auction room shows it: purse, squad size, overseas count, squad make-up by role, RTM cards.
 * What an agent knows of itself and of every rival.
 *
 * @param keptCapped capped players it has kept so far (retained, or bought back with a right-to-match card): the
 *     count {@link dev.iplauction.contracts.BiddingRules#rtmCapAllows} checks before a card is played on a capped
 *     player
 * @param keptUncapped the same for uncapped players
 */
public record TeamState(
        Franchise franchise,
        Lakh purse,
        int squadSize,
        int overseasCount,
        Map<Role, Integer> roles,
        int rtmCards,
        int keptCapped,
        int keptUncapped) {

    public TeamState {
        roles = Map.copyOf(roles);
    }

    /** A standing whose kept players are not known: the right-to-match caps are then left to the auction house. */
    public TeamState(
            Franchise franchise, Lakh purse, int squadSize, int overseasCount, Map<Role, Integer> roles, int rtmCards) {
        this(franchise, purse, squadSize, overseasCount, roles, rtmCards, 0, 0);
    }

    public int count(Role role) {
        return roles.getOrDefault(role, 0);
    }

    /** How many players of this kind (capped or not) it has kept, for the right-to-match caps. */
    public int kept(boolean capped) {
        return capped ? keptCapped : keptUncapped;
    }
}
