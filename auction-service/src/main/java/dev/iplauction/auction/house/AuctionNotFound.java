package dev.iplauction.auction.house;

/** No auction has this code: there never was one, or it finished long ago and has left the house's memory. */
public final class AuctionNotFound extends RuntimeException {

    private final String code;
    private final boolean leftTheHouse;

    public AuctionNotFound(String code) {
        this(code, false);
    }

    AuctionNotFound(String code, boolean leftTheHouse) {
        super(
                leftTheHouse
                        ? "auction " + code + " finished and has left the house, which keeps only the latest finished"
                                + " auctions; its report and replay are in report-service"
                        : "no auction has the code " + code,
                null,
                false,
                false);
        this.code = code;
        this.leftTheHouse = leftTheHouse;
    }

    public String code() {
        return code;
    }

    /** Whether the auction existed and finished, and the house no longer holds it. */
    public boolean leftTheHouse() {
        return leftTheHouse;
    }
}
