package dev.iplauction.auction.web;

import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.Player;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A player still to come, in order, and whether he already went unsold once (he is back for the accelerated round).
 */
record PoolEntry(int position, Player player, boolean secondChance) {

    /** What a person reads under the name besides role and country: age, batting hand, bowling style, where known. */
    public String details() {
        List<String> parts = new ArrayList<>(3);
        if (player.age() != null) {
            parts.add(player.age() + " yrs");
        }
        if (player.battingHand() != null && !player.battingHand().isBlank()) {
            parts.add(player.battingHand());
        }
        if (player.bowlingStyle() != null && !player.bowlingStyle().isBlank()) {
            parts.add(player.bowlingStyle());
        }
        return String.join(" · ", parts);
    }

    static List<PoolEntry> of(List<Player> pool, List<AuctionView.ResultView> results) {
        Set<String> unsold = results.stream()
                .filter(r -> r.soldTo() == null)
                .map(AuctionView.ResultView::playerId)
                .collect(Collectors.toSet());
        List<PoolEntry> entries = new ArrayList<>(pool.size());
        for (Player player : pool) {
            entries.add(new PoolEntry(entries.size() + 1, player, unsold.contains(player.id())));
        }
        return entries;
    }
}
