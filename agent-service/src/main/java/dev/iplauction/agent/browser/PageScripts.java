package dev.iplauction.agent.browser;

/**
 * The JavaScript a seat's page runs, written against PAGE_CONTRACT.md only ({@code data-testid}s, their attributes,
 * {@code window.__auction}, the {@code auction:view} event).
 */
final class PageScripts {

    /**
     * The doorbell: the function a seat's page calls with its waiting messages (an array of JSON strings). Having rung,
     * a page keeps what comes next in its outbox until Java has handled the ring and asks for more ({@link #FLUSH}),
     * so every message reaches Java through the doorbell, in the page's order.
     *
     * <p>Why not call a binding for each message: Playwright for Java answers every binding call with a message to its
     * driver and waits for the reply, handling any binding call that arrives meanwhile inside that wait. When calls
     * come faster than those replies (nine pages, each view of a busy lot), the waits nest deeper and deeper until the
     * browser thread's stack overflows (measured: nine pages pushing about 40 times a second each). With the doorbell a
     * page has at most one call outstanding until a plain task of the browser thread (never a nested one) flushes it.
     */
    static final String DOORBELL = "__iplAgentDoorbell";

    /** Asks the page to ring again with what came after its last ring, or to ring at once next time if nothing did. */
    static final String FLUSH = "() => { if (window.__iplAgentFlush) window.__iplAgentFlush(); }";

    /** The most messages an outbox keeps while Java does not drain it (the oldest go first). */
    private static final int OUTBOX_LIMIT = 1_000;

    /**
     * Runs at the start of every document of a seat's context, before the page's own scripts. Posts to its outbox, as
     * JSON strings: every view the page applies ({@code kind: "view"}), every new refusal shown in {@code
     * last-refusal} ({@code kind: "refusal"}) and, once the document is ready, what page it is and what it says
     * ({@code kind: "page"}); rings {@link #DOORBELL} with them unless it has rung and not been flushed yet. A ring not
     * flushed within a second is repeated with the next message. Each document has its own random id, so Java can tell a new page from the old one.
     */
    private static final String INIT = """
            (() => {
              if (window.__iplAgentInstalled || window.top !== window) return;
              window.__iplAgentInstalled = true;
              const doc = Math.random().toString(36).slice(2) + Date.now().toString(36);
              const outbox = [];
              let rungAt = 0;
              const ring = () => {
                rungAt = Date.now();
                try {
                  const answered = window["%1$s"](outbox.splice(0));
                  if (answered && answered.catch) answered.catch(() => {});
                } catch (e) { /* the agent is not listening */ }
              };
              const post = (message) => {
                message.doc = doc;
                outbox.push(JSON.stringify(message));
                if (outbox.length > %3$d) outbox.splice(0, outbox.length - %3$d);
                if (rungAt === 0 || Date.now() - rungAt > 1000) ring();
              };
              Object.defineProperty(window, "__iplAgentFlush", {
                value: () => {
                  rungAt = 0;
                  if (outbox.length > 0) ring();
                },
              });
              const byTestId = (id, root = document) => root.querySelector(`[data-testid="${id}"]`);
              const now = () => performance.timeOrigin + performance.now();
              document.addEventListener("auction:view", (event) => {
                window.__iplAgentReceivedAt = now();
                post({ kind: "view", at: window.__iplAgentReceivedAt, view: event.detail });
              });
              document.addEventListener("auction:reflex-bid", (event) => {
                post({ kind: "bid", at: now(), bid: event.detail });
              });
              const report = () => {
                const body = document.body;
                if (!body || !body.dataset.page) return;
                const text = (el) => (el ? el.textContent.trim() : "");
                const error = byTestId("error-page");
                const mine = byTestId("my-franchise");
                const phase = byTestId("auction-phase");
                const view = window.__auction;
                post({
                  kind: "page",
                  page: body.dataset.page,
                  url: location.href,
                  status: error ? Number(error.dataset.status || 0) : 0,
                  message: text(byTestId("form-error")) || text(byTestId("error-message")),
                  franchise: mine ? mine.dataset.franchise || "" : "",
                  phase: phase ? phase.dataset.phase || "" : view ? view.phase : "",
                  seatsTaken: view ? view.franchises.filter((f) => f.seatTaken).map((f) => f.code) : [],
                });
                const refusal = byTestId("last-refusal");
                if (!refusal) return;
                let count = refusal.dataset.count || "0";
                new MutationObserver(() => {
                  if ((refusal.dataset.count || "0") === count) return;
                  count = refusal.dataset.count || "0";
                  post({ kind: "refusal", at: now(), refusal: %2$s(refusal) });
                }).observe(refusal, { attributes: true, attributeFilter: ["data-count"] });
              };
              if (document.readyState === "loading") {
                document.addEventListener("DOMContentLoaded", report, { once: true });
              } else {
                report();
              }
            })();
            """;

    /** Reads {@code last-refusal} into a plain object (a JavaScript function expression of the element). */
    private static final String READ_REFUSAL = """
            ((el) => ({
              reason: el.dataset.reason || "",
              status: Number(el.dataset.status || 0),
              lot: el.dataset.lot || "",
              amount: el.dataset.amount || "",
              count: Number(el.dataset.count || 0),
              message: el.textContent.trim(),
            }))""";

    static final String INIT_SCRIPT = INIT.formatted(DOORBELL, READ_REFUSAL, OUTBOX_LIMIT);

    /** {@code window.__auction} as JSON with the time it arrived, or null when the page shows no auction. */
    static final String READ_VIEW = """
            () => window.__auction
              ? JSON.stringify({ at: window.__iplAgentReceivedAt || performance.timeOrigin + performance.now(), view: window.__auction })
              : null
            """;

    /** The last refusal as JSON, or null when there has been none (or this is not the room). */
    static final String READ_REFUSAL_JSON = """
            () => {
              const el = document.querySelector('[data-testid="last-refusal"]');
              if (!el || (el.dataset.count || "0") === "0") return null;
              return JSON.stringify(%s(el));
            }
            """.formatted(READ_REFUSAL);

    /**
     * Clicks the bid button if it is enabled and shows exactly the lot and amount given ({@code [lot, amount]}):
     * "clicked", else "not:" and why.
     */
    static final String BID = """
            ([lot, amount]) => {
              const button = document.querySelector('[data-testid="bid-button"]');
              if (!button || button.closest("[hidden]")) return "not:not-shown";
              if (button.dataset.lot !== String(lot) || button.dataset.amount !== String(amount)) return "not:moved-on";
              if (button.disabled) return "not:" + (button.dataset.reason || "disabled");
              button.click();
              return "clicked";
            }
            """;

    /** Clicks the button with this test id if it is shown and enabled: "clicked", else "not:" and why. */
    static final String CLICK_IF_SHOWN = """
            (testId) => {
              const button = document.querySelector(`[data-testid="${testId}"]`);
              if (!button || button.closest("[hidden]")) return "not:not-shown";
              if (button.disabled) return "not:disabled";
              button.click();
              return "clicked";
            }
            """;

    /**
     * Arms the room's reflex with {@code {lot, max, purse, squadSize}} (PAGE_CONTRACT.md, "The reflex"): "clicked" when
     * armed, else "not:" and why.
     */
    static final String ARM = """
            (order) => {
              const reflex = window.__auctionReflex;
              if (!reflex) return "not:no-reflex";
              const answer = reflex.arm(order);
              return answer === "armed" ? "clicked" : answer;
            }
            """;

    /** Disarms the room's reflex, if the page has one: "clicked" (done) or "not:no-reflex". */
    static final String DISARM = """
            () => {
              const reflex = window.__auctionReflex;
              if (!reflex) return "not:no-reflex";
              reflex.disarm();
              return "clicked";
            }
            """;

    /** Fills {@code rtm-raise-amount} with the amount and clicks {@code rtm-raise}, if they are shown. */
    static final String RTM_RAISE = """
            (amount) => {
              const input = document.querySelector('[data-testid="rtm-raise-amount"]');
              const button = document.querySelector('[data-testid="rtm-raise"]');
              if (!input || !button || input.closest("[hidden]") || button.closest("[hidden]")) return "not:not-shown";
              input.value = String(amount);
              input.dispatchEvent(new Event("input", { bubbles: true }));
              input.dispatchEvent(new Event("change", { bubbles: true }));
              if (button.dataset.amount !== String(amount)) return "not:moved-on";
              if (button.disabled) return "not:disabled";
              button.click();
              return "clicked";
            }
            """;

    /**
     * Lets the page skip painting: its document, scripts, live updates and buttons work as ever, but nothing is drawn
     * (nobody looks at a headless agent's screen). Nine rooms idling took about 60 ms of CPU a second this way against
     * about 340 ms painted.
     */
    static final String NO_PAINT = """
            (() => {
              if (window.top !== window) return;
              const css = "html { content-visibility: hidden !important; }"
                + " *, *::before, *::after { animation: none !important; transition: none !important; }";
              const add = () => {
                const style = document.createElement("style");
                style.textContent = css;
                (document.head || document.documentElement).appendChild(style);
              };
              if (document.documentElement) add();
              else document.addEventListener("DOMContentLoaded", add, { once: true });
            })();
            """;

    /**
     * Fetches the pool page ({@code [url, timeoutMillis]}) with the page's session and reads the fetched document,
     * leaving the page itself as it is: {@code {page, status, message, count, players}} as JSON, {@code players} being
     * each {@code pool-player} row's data attributes (camel-cased by {@code dataset}: {@code playerId}, {@code
     * basePrice}, {@code team2024} …), in order; {@code players} is null on any other page.
     */
    static final String READ_POOL = """
            async ([url, timeoutMillis]) => {
              const response = await fetch(url, {
                credentials: "same-origin",
                headers: { Accept: "text/html" },
                signal: AbortSignal.timeout(timeoutMillis),
              });
              const doc = new DOMParser().parseFromString(await response.text(), "text/html");
              const byTestId = (id) => doc.querySelector(`[data-testid="${id}"]`);
              const text = (el) => (el ? el.textContent.trim() : "");
              const page = doc.body ? doc.body.dataset.page || "" : "";
              const error = byTestId("error-page");
              if (page !== "pool") {
                return JSON.stringify({
                  page,
                  status: error ? Number(error.dataset.status || 0) : response.status,
                  message: text(byTestId("error-message")),
                  players: null,
                });
              }
              const count = byTestId("pool-count");
              const rows = doc.querySelectorAll('[data-testid="pool-player"]');
              return JSON.stringify({
                page,
                status: 0,
                message: "",
                count: count ? Number(count.dataset.count || -1) : -1,
                players: Array.from(rows, (row) => ({ ...row.dataset })),
              });
            }
            """;

    /** Goes to a URL, as typing it into the address bar would. Returns at once; the page loads on its own. */
    static final String OPEN = "(url) => { window.location.assign(url); }";

    /**
     * Fills the lobby's {@code rejoin-form} with {@code [franchise, token]} and submits it with its button, asking to go
     * straight to the room ({@code rejoin-then}) rather than back to the lobby: one page load fewer per seat.
     */
    static final String REJOIN = """
            ([franchise, token]) => {
              const form = document.querySelector('[data-testid="rejoin-form"]');
              if (!form) return false;
              const select = form.querySelector('[data-testid="rejoin-franchise"]');
              const input = form.querySelector('[data-testid="rejoin-token"]');
              const submit = form.querySelector('[data-testid="rejoin-submit"]');
              if (!select || !input || !submit) return false;
              select.value = franchise;
              select.dispatchEvent(new Event("change", { bubbles: true }));
              input.value = token;
              input.dispatchEvent(new Event("input", { bubbles: true }));
              const then = form.querySelector('[data-testid="rejoin-then"]');
              if (then) then.value = "room";
              submit.click();
              return true;
            }
            """;

    private PageScripts() {}
}
