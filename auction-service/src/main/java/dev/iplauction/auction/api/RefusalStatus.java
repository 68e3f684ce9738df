package dev.iplauction.auction.api;

import dev.iplauction.contracts.RefusalReason;
import org.springframework.http.HttpStatus;

/** The HTTP status of each refusal, for the API and the pages alike; exhaustive, so a new reason must be placed. */
public final class RefusalStatus {

    private RefusalStatus() {}

    public static HttpStatus of(RefusalReason reason) {
        return switch (reason) {
            case NOT_YOUR_SEAT, NOT_HOST -> HttpStatus.FORBIDDEN;
            case PURSE, SQUAD_FULL, OVERSEAS_LIMIT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case STALE, HIGHEST_BIDDER, LOT_CLOSED, NOT_RUNNING, NOT_YOUR_TURN, SEAT_TAKEN -> HttpStatus.CONFLICT;
        };
    }
}
