package dev.iplauction.agent.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * One seat's browser context and its page, opened by {@link BrowserHost#openSeat}. Like everything Playwright, use
 * them only inside {@link BrowserHost#call} tasks.
 */
public final class SeatTab {

    private final String name;
    private final BrowserContext context;
    private final Page page;
    private final Runnable onBrowserLost;
    private volatile boolean closing;

    SeatTab(String name, BrowserContext context, Page page, Runnable onBrowserLost) {
        this.name = name;
        this.context = context;
        this.page = page;
        this.onBrowserLost = onBrowserLost;
    }

    public String name() {
        return name;
    }

    public BrowserContext context() {
        return context;
    }

    public Page page() {
        return page;
    }

    /** Whether this agent is closing it (so a close event from it is expected, not a loss). */
    public boolean isClosing() {
        return closing;
    }

    void markClosing() {
        closing = true;
    }

    Runnable onBrowserLost() {
        return onBrowserLost;
    }

    @Override
    public String toString() {
        return "SeatTab[" + name + "]";
    }
}
