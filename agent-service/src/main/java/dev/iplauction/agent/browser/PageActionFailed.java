package dev.iplauction.agent.browser;

/** Something done in a seat's page failed: a page did not open (the house is down, say), or a click could not run. */
public class PageActionFailed extends RuntimeException {

    public PageActionFailed(String message) {
        super(message);
    }

    public PageActionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
