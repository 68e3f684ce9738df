package dev.iplauction.auction.rules;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.auction.Round;
import java.time.Instant;

/** The lot on the block. Mutated only by Auction.apply; read freely. */
public final class Lot {

    private final int number;
    private final Round round;
    private final Player player;
    private final Increments ladder;
    private LotStage stage = LotStage.BIDDING;
    private Lakh currentBid;
    private Franchise highestBidder;
    private Franchise rtmFranchise;
    private Instant closesAt;
    private int bids;

    Lot(int number, Round round, Player player, Increments ladder, Instant closesAt) {
        this.number = number;
        this.round = round;
        this.player = player;
        this.ladder = ladder;
        this.closesAt = closesAt;
    }

    public int number() {
        return number;
    }

    public Round round() {
        return round;
    }

    public Player player() {
        return player;
    }

    public LotStage stage() {
        return stage;
    }

    /** The highest bid so far, or null when nobody has bid. */
    public Lakh currentBid() {
        return currentBid;
    }

    public Franchise highestBidder() {
        return highestBidder;
    }

    /** The franchise that may use a right-to-match card on this lot, once the RTM steps have begun. */
    public Franchise rtmFranchise() {
        return rtmFranchise;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public int bids() {
        return bids;
    }

    /** The only amount the next bid may name. */
    public Lakh nextBid() {
        return ladder.nextBid(player.basePrice(), currentBid);
    }

    void bid(Franchise franchise, Lakh amount, Instant closesAt) {
        this.highestBidder = franchise;
        this.currentBid = amount;
        this.closesAt = closesAt;
        this.bids++;
    }

    void stage(LotStage stage, Instant closesAt) {
        this.stage = stage;
        this.closesAt = closesAt;
    }

    void rtmFranchise(Franchise franchise) {
        this.rtmFranchise = franchise;
    }

    void raise(Lakh amount, Instant closesAt) {
        this.currentBid = amount;
        stage(LotStage.RTM_RAISED, closesAt);
    }

    void closesAt(Instant closesAt) {
        this.closesAt = closesAt;
    }
}
