package dev.iplauction.auction.rules;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.util.ArrayList;
import java.util.List;

/** One franchise's position in the auction: purse, squad and right-to-match cards. Mutated only by Auction.apply. */
public final class Standing {

    private final Franchise franchise;
    private Lakh purse;
    private int rtmCards;
    private Lakh spent = Lakh.ZERO;
    private final List<SquadPlayer> squad = new ArrayList<>();

    Standing(Franchise franchise, Lakh purse, int rtmCards, List<SquadPlayer> retained) {
        this.franchise = franchise;
        this.purse = purse;
        this.rtmCards = rtmCards;
        this.squad.addAll(retained);
    }

    public Franchise franchise() {
        return franchise;
    }

    public Lakh purse() {
        return purse;
    }

    public int rtmCards() {
        return rtmCards;
    }

    public List<SquadPlayer> squad() {
        return List.copyOf(squad);
    }

    public int squadSize() {
        return squad.size();
    }

    public int overseasCount() {
        int overseas = 0;
        for (SquadPlayer p : squad) { // a loop, not a stream: every bid's check counts them
            if (p.player().overseas()) {
                overseas++;
            }
        }
        return overseas;
    }

    /** What the auction has taken from the purse: the winning bids, which under a fee cap can exceed the fees. */
    public Lakh spent() {
        return spent;
    }

    /** Retained plus right-to-match players of the given kind: the cap of 5 capped and 2 uncapped counts these. */
    int keptCount(boolean capped) {
        return (int) squad.stream()
                .filter(p -> p.acquisition() != SquadPlayer.Acquisition.BOUGHT)
                .filter(p -> p.player().capped() == capped)
                .count();
    }

    /**
     * A player bought at {@code paid}; his {@link SquadPlayer#price()} is his fee, which an overseas fee cap can make
     * lower than what the purse pays.
     */
    void add(SquadPlayer player, Lakh paid) {
        purse = purse.minus(paid);
        spent = spent.plus(paid);
        squad.add(player);
        if (player.acquisition() == SquadPlayer.Acquisition.RIGHT_TO_MATCH) {
            rtmCards--;
        }
    }
}
