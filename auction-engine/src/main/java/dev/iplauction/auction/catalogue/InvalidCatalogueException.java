package dev.iplauction.auction.catalogue;

/** A catalogue file that breaks the format: the message names the file, the line where known, the field and why. */
public final class InvalidCatalogueException extends RuntimeException {

    InvalidCatalogueException(String message) {
        super(message);
    }

    InvalidCatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
