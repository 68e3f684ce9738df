package dev.iplauction.agent.browser;

/**
 * What came of asking a page to click one of its buttons. A click only sends the action: whether the house accepted it
 * shows in a later {@link RoomView} (a bid: the franchise holds the highest bid at that amount) or in a {@link
 * Refusal}.
 *
 * @param clicked whether the button was clicked
 * @param reason why not, when not: the bid button's own {@code data-reason} ({@code highest-bidder}, {@code
 *     lot-closed}, {@code purse} …), {@link #MOVED_ON} when it already shows another lot or amount, {@link #NOT_SHOWN}
 *     when the button is hidden (not this franchise's turn) or missing; empty when clicked
 */
public record Click(boolean clicked, String reason) {

    /** The button names another lot or amount than the one asked for: the auction has moved on. */
    public static final String MOVED_ON = "moved-on";

    /** The button is hidden or not on the page. */
    public static final String NOT_SHOWN = "not-shown";

    static final Click CLICKED = new Click(true, "");

    public Click {
        reason = reason == null ? "" : reason;
    }

    /** Reads the answer of the page scripts in {@link PageScripts}: "clicked" or "not:<reason>". */
    static Click fromPage(Object answer) {
        String text = String.valueOf(answer);
        if (text.equals("clicked")) {
            return CLICKED;
        }
        return new Click(false, text.startsWith("not:") ? text.substring(4) : text);
    }
}
