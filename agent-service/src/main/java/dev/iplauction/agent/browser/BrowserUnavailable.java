package dev.iplauction.agent.browser;

/** The instance's browser cannot do what was asked: it is closed, or Chromium could not be (re)started. */
public class BrowserUnavailable extends RuntimeException {

    public BrowserUnavailable(String message) {
        super(message);
    }

    public BrowserUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
