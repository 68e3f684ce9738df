package dev.iplauction.auction.api;

/** A request that needs a seat or host token came without one. */
final class MissingToken extends RuntimeException {

    MissingToken(String what) {
        super(what + " is needed: send it as 'Authorization: Bearer <token>'", null, false, false);
    }
}
