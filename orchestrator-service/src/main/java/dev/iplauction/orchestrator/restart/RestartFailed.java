package dev.iplauction.orchestrator.restart;

/** A hard restart that could not be done, with a sentence that says why. */
public final class RestartFailed extends RuntimeException {

    public RestartFailed(String message) {
        super(message);
    }

    public RestartFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
