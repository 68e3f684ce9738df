package dev.iplauction.auction.rules;

import dev.iplauction.contracts.RefusalReason;

/** The auction house says no: a reason code the caller can act on, and a sentence a person can read. */
public final class AuctionRefusal extends RuntimeException {

    private final RefusalReason reason;

    public AuctionRefusal(RefusalReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }
}
