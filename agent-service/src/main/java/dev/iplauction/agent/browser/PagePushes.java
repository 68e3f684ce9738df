package dev.iplauction.agent.browser;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Lakh;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What a seat's page pushes to Java through its doorbell, read and handed on: views, refusals and the page's own clicks
 * to the listener one at a time, in order (only views newer than the last one delivered, as the page itself never shows
 * an older one); page reports to the tab that waits for them, on an executor of their own so that a slow listener
 * never holds up a join.
 */
final class PagePushes {

    private static final Logger log = LoggerFactory.getLogger(PagePushes.class);

    private final String name;
    private final AuctionPage.Listener listener;
    private final SerialExecutor events;
    private final SerialExecutor reports;
    private final Predicate<PageTab> isCurrent;

    // Touched only on the serial events executor.
    private String lastCode;
    private long lastSeq = -1;

    /** @param isCurrent whether a tab is still the seat's (pushes of an old tab are dropped) */
    PagePushes(String name, AuctionPage.Listener listener, Executor callbacks, Predicate<PageTab> isCurrent) {
        this.name = name;
        this.listener = listener;
        this.events = new SerialExecutor(callbacks);
        this.reports = new SerialExecutor(callbacks);
        this.isCurrent = isCurrent;
    }

    /** A new document is coming: the next view is delivered whatever its seq. */
    void reset() {
        events.execute(() -> {
            lastCode = null;
            lastSeq = -1;
        });
    }

    /**
     * Hands a page's messages (a list of JSON strings) off in order, on the browser thread: views, refusals and clicks
     * to the listener's serial executor, page reports to another.
     */
    void handOff(PageTab from, Object messages) {
        if (!(messages instanceof List<?> list)) {
            return;
        }
        for (Object item : list) {
            String message = String.valueOf(item);
            if (isPageReport(message)) {
                PageTab.hand(reports, () -> onPageReport(from, message), name);
            } else {
                PageTab.hand(events, () -> onPush(from, message), name);
            }
        }
    }

    private static boolean isPageReport(String message) {
        return message.startsWith("{\"kind\":\"page\"");
    }

    /** Delivers a view read from the page on request, in order with the pushes. */
    void deliverLater(RoomView view) {
        events.execute(() -> deliver(view));
    }

    /** Tells the listener the tab was lost, in order with the pushes, if it is still the seat's tab by then. */
    void lost(PageTab on, PageLost lost) {
        events.execute(() -> {
            if (isCurrent.test(on)) {
                log.warn("{}: page lost ({}): {}", name, lost.reason(), lost.detail());
                listener.on(lost);
            }
        });
    }

    /** A view, a refusal or a click, on the serial events executor. */
    private void onPush(PageTab from, String message) {
        if (!isCurrent.test(from)) {
            return;
        }
        JsonNode push;
        try {
            push = EventJson.mapper().readTree(message);
        } catch (RuntimeException unreadable) {
            log.warn("{}: a push from the page could not be read: {}", name, BrowserHost.firstLine(unreadable));
            return;
        }
        Instant at = browserTime(push.path("at"));
        switch (push.path("kind").asString("")) {
            case "view" -> {
                RoomView view;
                try {
                    view = RoomViewJson.parse(push.path("view"), at);
                } catch (RuntimeException unreadable) {
                    log.warn("{}: a view from the page could not be read: {}", name, BrowserHost.firstLine(unreadable));
                    return;
                }
                deliver(view);
            }
            case "refusal" -> listener.on(refusal(push.path("refusal"), at));
            case "bid" -> {
                JsonNode bid = push.path("bid");
                if (bid.path("lot").isIntegralNumber() && bid.path("amount").asInt(0) > 0) {
                    listener.on(new ReflexBid(
                            bid.path("lot").asInt(),
                            Lakh.of(bid.path("amount").asInt()),
                            browserTime(bid.path("promptedAt")),
                            browserTime(bid.path("clickedAt"))));
                } else {
                    log.warn("{}: a reflex bid from the page names no lot or amount: {}", name, bid);
                }
            }
            default ->
                log.debug(
                        "{}: ignored a push of kind '{}'",
                        name,
                        push.path("kind").asString(""));
        }
    }

    /** Gives the listener a view newer than the last it had (on the serial events executor). */
    private void deliver(RoomView view) {
        if (view.code().equals(lastCode) && view.seq() <= lastSeq) {
            return;
        }
        lastCode = view.code();
        lastSeq = view.seq();
        listener.on(view);
    }

    /** What a document is, once it has loaded: completes whoever waits for it (on the seat's executor). */
    private void onPageReport(PageTab from, String message) {
        PageReport report;
        try {
            report = PageReport.parse(EventJson.mapper().readTree(message));
        } catch (RuntimeException unreadable) {
            log.warn("{}: a page report could not be read: {}", name, BrowserHost.firstLine(unreadable));
            return;
        }
        from.onReport(report);
    }

    /** A time the page took ({@code performance.timeOrigin + performance.now()}: fractional epoch milliseconds). */
    static Instant browserTime(JsonNode millis) {
        if (!millis.isNumber()) {
            return Instant.now();
        }
        double at = millis.asDouble();
        long whole = (long) Math.floor(at);
        return Instant.ofEpochMilli(whole).plusNanos(Math.round((at - whole) * 1_000) * 1_000); // to the microsecond
    }

    static Refusal refusal(JsonNode refusal, Instant seenAt) {
        String lot = refusal.path("lot").asString("");
        String amount = refusal.path("amount").asString("");
        return new Refusal(
                refusal.path("reason").asString(""),
                refusal.path("status").asInt(0),
                lot.matches("\\d+") ? Integer.valueOf(lot) : null,
                amount.matches("\\d+") ? Lakh.of(Integer.parseInt(amount)) : null,
                refusal.path("count").asInt(0),
                refusal.path("message").asString(""),
                seenAt);
    }
}
