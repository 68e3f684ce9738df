package dev.iplauction.agent.browser;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One seat's way into the auction: the auction house's pages, used through PAGE_CONTRACT.md as a person would use them
 * (take the seat in the lobby, watch the room, click its buttons). An agent never calls the house's API.
 *
 * <p>Every method returns at once; its future completes on the seat's executor, never on the browser's thread, and
 * fails (never hangs) when the page cannot do it in time: {@link java.util.concurrent.TimeoutException} with what did
 * not finish, {@link BrowserUnavailable} when the browser is gone, {@link IllegalStateException} when the page is not
 * joined or has been lost.
 *
 * <p>What the page shows arrives by itself at the {@link Listener}, one event at a time and in order, on the seat's
 * executor.
 */
public interface AuctionPage extends AutoCloseable {

    /**
     * Opens the auction's lobby in a fresh browser context, takes the franchise's seat with this token through the
     * lobby's rejoin form, and goes to the room. A token the house has not seen takes a free seat; the token that holds
     * the seat takes it again (after a reconnect or a restart). Views start arriving as soon as the lobby shows one.
     *
     * @param baseUrl the auction house, such as {@code http://localhost:8080}
     * @param auctionCode the six-character code
     * @param seatToken this seat's own token: keep it to take the seat again
     */
    CompletableFuture<JoinResult> join(URI baseUrl, String auctionCode, Franchise franchise, String seatToken);

    /** Throws the current context away and joins again with the same auction, franchise and token. */
    CompletableFuture<JoinResult> reopen();

    /**
     * Reads the page's current snapshot again (the safety net for a missed push). A snapshot newer than the last one
     * delivered also goes to the listener. Empty when the page shows no auction.
     */
    CompletableFuture<Optional<RoomView>> refresh();

    /**
     * Clicks the bid button if it is enabled and names exactly this lot and amount. A click whose bid another bid
     * overtook on the way is refused by the house as {@code stale} (a {@link Refusal}).
     */
    CompletableFuture<Click> bid(int lot, Lakh amount);

    /**
     * Arms the page's reflex for a lot: from now on the page clicks its own bid button when it names an amount within
     * the maximum (see {@link Reflex}), and tells the listener of each click ({@link Listener#on(ReflexBid)}). Arming
     * again replaces the last one. Not clicked, with the page's reason, when the page has no reflex or holds no seat.
     */
    CompletableFuture<Click> arm(Reflex reflex);

    /** Stops the page's reflex (a pass, or the seat is done with the lot). */
    CompletableFuture<Click> disarm();

    /** Matches the highest bid (or the raise) with a right-to-match card: the card holder's button. */
    CompletableFuture<Click> rtmMatch();

    /** Lets the player go to the highest bidder instead of matching: the card holder's button. */
    CompletableFuture<Click> rtmDecline();

    /** Raises once, to this amount, after the card holder matched: the highest bidder's button. */
    CompletableFuture<Click> rtmRaise(Lakh amount);

    /** Does not raise, so the card holder gets the player at the matched price: the highest bidder's button. */
    CompletableFuture<Click> rtmNoRaise();

    /**
     * Glances at the pool: opens the auction's pool page in another tab of this seat's browser (the same session),
     * reads the players still to come, in order, and closes the tab. The room page is not disturbed. The list is what
     * the pool page lists: the rest of this round, then (in the main round) those unsold so far; never the player on
     * the block.
     */
    CompletableFuture<List<Player>> pool();

    /** The page's last refusal of its own actions, if it has shown one. */
    CompletableFuture<Optional<Refusal>> lastRefusal();

    /** Closes the seat's browser context. The seat stays taken at the house; the token takes it again. */
    @Override
    void close();

    /** What a seat's page shows, as it shows it. Called on the seat's executor, one event at a time. */
    interface Listener {

        /** A snapshot newer than the last one delivered. */
        void on(RoomView view);

        /** The house refused one of this page's actions. */
        default void on(Refusal refusal) {}

        /** The page clicked a bid by itself, armed with a {@link Reflex}. */
        default void on(ReflexBid bid) {}

        /** The page stopped working; {@link AuctionPage#reopen()} brings it back. */
        default void on(PageLost lost) {}
    }
}
