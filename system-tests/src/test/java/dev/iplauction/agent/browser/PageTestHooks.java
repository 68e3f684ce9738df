package dev.iplauction.agent.browser;

import java.util.concurrent.CompletableFuture;

/** For tests: what happens to a seat's page out in the world, done to it on the browser thread. */
final class PageTestHooks {

    private PageTestHooks() {}

    /** Crashes the page's renderer, as an out-of-memory kill would. */
    static CompletableFuture<Void> crash(BrowserHost host, PlaywrightAuctionPage page) {
        SeatTab seat = page.currentSeat();
        return host.call(b -> {
            try {
                seat.page().navigate("chrome://crash");
            } catch (RuntimeException expected) {
                // The navigation fails because the page crashed.
            }
            return null;
        });
    }

    /** Closes the page's context behind the agent's back. */
    static CompletableFuture<Void> closeContext(BrowserHost host, PlaywrightAuctionPage page) {
        SeatTab seat = page.currentSeat();
        return host.call(b -> {
            seat.context().close();
            return null;
        });
    }
}
