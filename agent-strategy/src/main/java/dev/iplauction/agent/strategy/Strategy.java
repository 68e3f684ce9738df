package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Lakh;
import java.util.Optional;

/** How a franchise plays a lot: whether and how high to bid, and its two right-to-match choices. */
public interface Strategy {

    /** Bid up to a maximum, or pass, on the player on the block. */
    LotDecision decide(LotContext context);

    /**
     * As the holder of a right-to-match card on the player (his 2024 franchise), whether to match the price on the
     * table ({@code context.currentBid()}). Asked again, at the raised price, when the highest bidder raises after a
     * match.
     */
    boolean useRtm(LotContext context);

    /**
     * As the highest bidder after the card holder matched {@code context.currentBid()}: the one raise to make, an
     * amount above the matched price that this franchise can afford and is within its maximum, or empty to let the
     * card holder have the player.
     */
    Optional<Lakh> raiseAfterMatch(LotContext context);
}
