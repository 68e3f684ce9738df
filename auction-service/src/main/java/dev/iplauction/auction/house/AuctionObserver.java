package dev.iplauction.auction.house;

import dev.iplauction.auction.view.AuctionView;

/** Told of every change once it is durable, in order, on one thread: what live pages listen to. */
public interface AuctionObserver {

    void changed(AuctionView view);

    /** Whether anyone follows this auction now; when nobody does, the house skips building the view for it. */
    default boolean watching(String code) {
        return true;
    }
}
