package dev.iplauction.auction.rules;

/** The steps of one lot: open bidding, then (only when a right-to-match card applies) the three RTM windows. */
public enum LotStage {
    /** Open for bids until the clock runs out. */
    BIDDING,
    /** The clock ran out; the previous franchise may match the price with its card. */
    RTM_OFFERED,
    /** The card holder matched; the highest bidder may raise once. */
    RTM_MATCHED,
    /** The highest bidder raised; the card holder may match the final amount. */
    RTM_RAISED
}
