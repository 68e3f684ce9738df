package dev.iplauction.auction.web;

import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.auction.view.AuctionView.FranchiseView;
import dev.iplauction.auction.view.AuctionView.LotView;

/**
 * Whether the seated franchise may bid on the lot now, and if not why: the room renders its bid button from this, and
 * {@code auction.js} recomputes the same thing from every live update (keep the two in step).
 *
 * @param reason empty when the button is enabled, else a code: {@code not-seated}, {@code not-running}, {@code no-lot},
 *     {@code lot-closed}, {@code highest-bidder}, {@code squad-full}, {@code overseas-limit}, {@code purse}
 */
record BidState(boolean enabled, String reason, String note, Integer lot, Integer amount, String amountDisplay) {

    static BidState of(AuctionView view, String me) {
        LotView lot = view.lot();
        Integer number = lot == null ? null : lot.number();
        Integer amount = lot == null ? null : lot.nextBid();
        String display = lot == null ? "" : lot.nextBidDisplay();
        String reason = reason(view, me);
        return new BidState(reason.isEmpty(), reason, note(reason), number, amount, display);
    }

    private static String reason(AuctionView view, String me) {
        LotView lot = view.lot();
        if (me == null) {
            return "not-seated";
        }
        if (!"RUNNING".equals(view.phase())) {
            return "not-running";
        }
        if (lot == null) {
            return "no-lot";
        }
        if (!"BIDDING".equals(lot.stage()) || lot.remainingMillis() <= 0) {
            return "lot-closed";
        }
        if (me.equals(lot.highestBidder())) {
            return "highest-bidder";
        }
        FranchiseView mine = view.franchises().stream()
                .filter(f -> f.code().equals(me))
                .findFirst()
                .orElse(null);
        if (mine == null) {
            return "not-seated";
        }
        if (mine.squadSize() >= view.rules().maxSquad()) {
            return "squad-full";
        }
        if (lot.player().overseas() && mine.overseasCount() >= view.rules().maxOverseas()) {
            return "overseas-limit";
        }
        if (lot.nextBid() > mine.maxBid()) {
            return "purse";
        }
        return "";
    }

    static String note(String reason) {
        return switch (reason) {
            case "" -> "Tap to raise the paddle";
            case "not-seated" -> "Take a seat in the lobby to bid";
            case "not-running" -> "Bidding is not open";
            case "no-lot" -> "Waiting for the next player";
            case "lot-closed" -> "Bidding on this lot has closed";
            case "highest-bidder" -> "You hold the highest bid";
            case "squad-full" -> "Your squad is full";
            case "overseas-limit" -> "Your overseas slots are full";
            case "purse" -> "Beyond your maximum bid";
            default -> reason;
        };
    }
}
