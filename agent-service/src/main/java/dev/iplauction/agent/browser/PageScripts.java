package dev.iplauction.agent.browser;

/**
 * The JavaScript a seat's page runs, written against PAGE_CONTRACT.md only ({@code data-testid}s, their attributes,
 * {@code window.__auction}, the {@code auction:view} event).
 */
final class PageScripts {

    /** The function the pages of a seat's context call to push views and refusals to Java. */
    static final String BINDING = "__iplAgentPush";

    /** The function they call to report what a document is once it has loaded (answered apart from views). */
    static final String PAGE_BINDING = "__iplAgentPage";

    /**
     * Runs at the start of every document of a seat's context, before the page's own scripts. Pushes to Java, as JSON
     * strings: every view the page applies ({@code kind: "view"}) and every new refusal shown in {@code last-refusal}
     * ({@code kind: "refusal"}) through {@link #BINDING}; once the document is ready, what page it is and what it says
     * through {@link #PAGE_BINDING}.
     * Each document has its own random id, so Java can tell a new page from the old one.
     */
    private static final String INIT = """
            (() => {
              if (window.__iplAgentInstalled || window.top !== window) return;
              window.__iplAgentInstalled = true;
              const doc = Math.random().toString(36).slice(2) + Date.now().toString(36);
              const send = (binding, message) => {
                try {
                  message.doc = doc;
                  const sent = window[binding](JSON.stringify(message));
                  if (sent && sent.catch) sent.catch(() => {});
                } catch (e) { /* the agent is not listening: nothing to do */ }
              };
              const push = (message) => send("%1$s", message);
              const byTestId = (id, root = document) => root.querySelector(`[data-testid="${id}"]`);
              const now = () => performance.timeOrigin + performance.now();
              document.addEventListener("auction:view", (event) => {
                window.__iplAgentReceivedAt = now();
                push({ kind: "view", at: window.__iplAgentReceivedAt, view: event.detail });
              });
              const report = () => {
                const body = document.body;
                if (!body || !body.dataset.page) return;
                const text = (el) => (el ? el.textContent.trim() : "");
                const error = byTestId("error-page");
                const mine = byTestId("my-franchise");
                const phase = byTestId("auction-phase");
                const view = window.__auction;
                send("%3$s", {
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
                  push({ kind: "refusal", at: now(), refusal: %2$s(refusal) });
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

    static final String INIT_SCRIPT = INIT.formatted(BINDING, READ_REFUSAL, PAGE_BINDING);

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

    /** Fills the lobby's {@code rejoin-form} with {@code [franchise, token]} and submits it with its button. */
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
              submit.click();
              return true;
            }
            """;

    private PageScripts() {}
}
