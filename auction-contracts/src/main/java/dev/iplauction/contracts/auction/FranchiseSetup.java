package dev.iplauction.contracts.auction;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import java.util.List;
import java.util.Objects;

/** A franchise as it enters the auction: its purse after retentions, its retained players and its RTM cards. */
public record FranchiseSetup(Franchise franchise, Lakh purse, int rtmCards, List<SquadPlayer> retained) {

    public FranchiseSetup {
        Objects.requireNonNull(franchise, "franchise");
        Objects.requireNonNull(purse, "purse");
        retained = retained == null ? List.of() : List.copyOf(retained);
    }
}
