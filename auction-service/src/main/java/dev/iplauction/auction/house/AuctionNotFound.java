package dev.iplauction.auction.house;

/** No auction has this code. */
public final class AuctionNotFound extends RuntimeException {

    private final String code;

    public AuctionNotFound(String code) {
        super("no auction has the code " + code, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
