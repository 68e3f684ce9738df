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
        return (int) squad.stream().filter(p -> p.player().overseas()).count();
    }

    public Lakh spent() {
        return squad.stream()
                .filter(p -> p.acquisition() != SquadPlayer.Acquisition.RETAINED)
                .map(SquadPlayer::price)
                .reduce(Lakh.ZERO, Lakh::plus);
    }

    /** Retained plus right-to-match players of the given kind: the cap of 5 capped and 2 uncapped counts these. */
    int keptCount(boolean capped) {
        return (int) squad.stream()
                .filter(p -> p.acquisition() != SquadPlayer.Acquisition.BOUGHT)
                .filter(p -> p.player().capped() == capped)
                .count();
    }

    void add(SquadPlayer player) {
        purse = purse.minus(player.price());
        squad.add(player);
        if (player.acquisition() == SquadPlayer.Acquisition.RIGHT_TO_MATCH) {
            rtmCards--;
        }
    }
}
