package dev.iplauction.orchestrator.heartbeat;

/** A heartbeat that reads as JSON but lacks what a heartbeat must have; it goes to the dead-letter topic. */
final class InvalidHeartbeat extends RuntimeException {

    InvalidHeartbeat(String message) {
        super(message);
    }
}
