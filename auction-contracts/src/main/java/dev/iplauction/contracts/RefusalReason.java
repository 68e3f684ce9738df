package dev.iplauction.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Why the auction house refused a bid or an action; the code is what HTTP problems and events carry. */
public enum RefusalReason {
    /** The amount is not the next valid bid: the bid it answered has been overtaken, or it was sent twice. */
    STALE("stale"),
    /** Winning at this amount would leave too little purse to fill the minimum squad. */
    PURSE("purse"),
    SQUAD_FULL("squad-full"),
    OVERSEAS_LIMIT("overseas-limit"),
    /** The token does not hold the franchise's seat. */
    NOT_YOUR_SEAT("not-your-seat"),
    /** The franchise already holds the highest bid on this lot. */
    HIGHEST_BIDDER("highest-bidder"),
    /** The lot named is not the one open for bids, or bidding on it has closed. */
    LOT_CLOSED("lot-closed"),
    /** The auction is not running: still in the lobby, paused or over. */
    NOT_RUNNING("not-running"),
    /** A right-to-match step that is not this franchise's to take now. */
    NOT_YOUR_TURN("not-your-turn"),
    /** The seat is already held by someone else's token. */
    SEAT_TAKEN("seat-taken"),
    /** The host token does not match. */
    NOT_HOST("not-host");

    private final String code;

    RefusalReason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static RefusalReason fromCode(String code) {
        return Arrays.stream(values())
                .filter(r -> r.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown refusal reason: " + code));
    }
}
