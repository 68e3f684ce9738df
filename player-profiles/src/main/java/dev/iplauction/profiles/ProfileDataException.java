package dev.iplauction.profiles;

/** The data the pipeline reads is missing or not what it expects; the message says which file, line and field. */
public final class ProfileDataException extends RuntimeException {

    public ProfileDataException(String message) {
        super(message);
    }
}
