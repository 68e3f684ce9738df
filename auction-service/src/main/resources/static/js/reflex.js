/*
 * IPL Auction House: the room's reflex, for machines (an agent's seat). Armed with a maximum for one lot, the page
 * clicks its own bid button whenever a view arrives in which the button is enabled, names that lot and an amount
 * within the maximum, and no bid of this page is still unanswered. The page decides nothing: it only saves the round
 * trip to whoever armed it. See PAGE_CONTRACT.md, "The reflex".
 *
 *   window.__auctionReflex.arm({ lot, max, purse, squadSize, spreadMs })  -> "armed" | "not:" + why
 *   window.__auctionReflex.disarm()
 *
 * purse and squadSize are this franchise's as the armer saw them: a view that shows others means the lot closed or the
 * squad changed, and the reflex stays still until armed again. Each click fires "auction:reflex-bid" on the document
 * (detail: lot, amount, promptedAt, clickedAt; times are performance.timeOrigin + performance.now()).
 */
(() => {
  "use strict";

  if (document.body.dataset.page !== "room") return;
  /** A bid neither answered by a view nor refused this long is taken as lost: the reflex may click again. */
  const ANSWER_MS = 2000;
  const now = () => performance.timeOrigin + performance.now();
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
  const pageData = (() => {
    const el = document.getElementById("page-data");
    try {
      return el ? JSON.parse(el.textContent) : {};
    } catch (e) {
      return {};
    }
  })();
  const me = pageData.franchise;

  let armed = null; // { lot, max, purse, squadSize }
  let inFlight = null; // { lot, amount, at }
  let refused = ""; // "seq:lot:amount" of the last bid refused: not clicked again until a newer view comes
  let viewAt = now();

  const whole = (value) => Number.isSafeInteger(value) && value >= 0;

  /** Whether a bid of this page still waits for its answer (a view that moved past it, a refusal, or time). */
  function waiting(view) {
    if (!inFlight) return false;
    const lot = view && view.lot;
    const answered =
      !lot ||
      lot.number !== inFlight.lot ||
      lot.stage !== "BIDDING" ||
      (lot.currentBid !== null && lot.currentBid !== undefined && lot.currentBid >= inFlight.amount) ||
      now() - inFlight.at > ANSWER_MS;
    if (answered) inFlight = null;
    return !answered;
  }

  let pending = null; // { seq, timer }: a click waiting for its turn in the view it was planned in

  /**
   * Clicks now, or after its turn: the armed spread for each franchise that could bid the same amount and comes before
   * this one in the view's order (see ahead). Nine pages that see the same view and all click at once make eight stale
   * bids for the house to refuse; one after another, the later ones see the first one's view before their turn comes
   * and click the next amount or not at all (the checks run again when the turn comes). A newer view plans anew.
   */
  function react() {
    const view = window.__auction;
    if (pending !== null) {
      if (view && view.seq === pending.seq) return;
      clearTimeout(pending.timer);
      pending = null;
    }
    const amount = ready();
    if (!(amount > 0)) return;
    const wait = armed.spreadMs * ahead(view, amount);
    if (wait === 0) {
      click();
      return;
    }
    pending = {
      seq: view.seq,
      timer: setTimeout(() => {
        pending = null;
        if (ready()) click();
      }, wait),
    };
  }

  /**
   * How many seated franchises other than this one (and the leader) could bid this amount and come before this one in
   * the view's order. Those that have bid on this lot come first: the pages that keep a bidding war going answer each
   * other at once, rather than waiting a turn for each franchise that could bid but does not want to. Within each
   * group the order is a hash of the view's seq and the code, a new one for each view, so the first turn goes round.
   * Every page sees the same views, so every page computes the same order.
   */
  function ahead(view, amount) {
    const leader = view.lot ? view.lot.highestBidder : null;
    const mine = place(view.seq, me);
    return view.franchises.filter(
      (f) =>
        f.code !== me &&
        f.code !== leader &&
        f.seatTaken &&
        f.maxBid >= amount &&
        before(place(view.seq, f.code), mine),
    ).length;
  }

  /** The franchises seen holding a bid on the lot now on the block, and that lot's number. */
  let bidders = { lot: null, codes: new Set() };

  function noteBidder(view) {
    const lot = view && view.lot;
    if (!lot) return;
    if (lot.number !== bidders.lot) bidders = { lot: lot.number, codes: new Set() };
    if (lot.highestBidder) bidders.codes.add(lot.highestBidder);
  }

  /** A franchise's place in a view's order: whether it has bid on this lot, then a hash of the seq and its code. */
  function place(seq, code) {
    const text = `${seq}:${code}`;
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return { bid: bidders.codes.has(code), hash: (h ^ (h >>> 16)) >>> 0, code };
  }

  const before = (a, b) =>
    a.bid !== b.bid ? a.bid : a.hash < b.hash || (a.hash === b.hash && a.code < b.code);

  /** Whether the page should click now: the amount the button shows, or 0. */
  function ready() {
    const view = window.__auction;
    if (!armed || !me || !view || view.phase !== "RUNNING" || !view.lot) return 0;
    if (waiting(view)) return 0;
    const lot = view.lot;
    const mine = view.franchises.find((f) => f.code === me);
    if (lot.number !== armed.lot || lot.stage !== "BIDDING" || lot.highestBidder === me) return 0;
    if (!mine || mine.purse !== armed.purse || mine.squadSize !== armed.squadSize) return 0;
    const button = byTestId("bid-button");
    if (!button || button.disabled || button.closest("[hidden]")) return 0;
    const amount = Number(button.dataset.amount);
    if (button.dataset.lot !== String(lot.number) || !(amount > 0) || amount > armed.max) return 0;
    if (refused === `${view.seq}:${lot.number}:${amount}`) return 0; // wait for a newer view (what beat it)
    return amount;
  }

  function click() {
    const button = byTestId("bid-button");
    const lot = window.__auction.lot;
    const amount = Number(button.dataset.amount);
    inFlight = { lot: lot.number, amount, at: now() };
    button.click();
    document.dispatchEvent(
      new CustomEvent("auction:reflex-bid", {
        detail: { lot: lot.number, amount, promptedAt: viewAt, clickedAt: inFlight.at },
      }),
    );
  }

  document.addEventListener("auction:view", () => {
    viewAt = now();
    noteBidder(window.__auction);
    react();
  });

  // A refusal of the bid in flight answers it. A stale refusal often comes before the view of the bid that beat it:
  // the button still shows the refused amount, so the page waits for that view rather than racing itself.
  const refusal = byTestId("last-refusal");
  if (refusal) {
    let count = refusal.dataset.count || "0";
    new MutationObserver(() => {
      if ((refusal.dataset.count || "0") === count) return;
      count = refusal.dataset.count || "0";
      if (inFlight && refusal.dataset.lot === String(inFlight.lot) && refusal.dataset.amount === String(inFlight.amount)) {
        refused = `${window.__auction ? window.__auction.seq : ""}:${inFlight.lot}:${inFlight.amount}`;
        inFlight = null;
        react();
      }
    }).observe(refusal, { attributes: true, attributeFilter: ["data-count"] });
  }

  Object.defineProperty(window, "__auctionReflex", {
    value: Object.freeze({
      arm(order) {
        const o = order || {};
        if (!me || !pageData.seatToken) return "not:not-seated";
        const spreadMs = o.spreadMs === undefined ? 0 : o.spreadMs;
        if (![o.lot, o.max, o.purse, o.squadSize, spreadMs].every(whole) || spreadMs > 1000) {
          return "not:bad-order (lot, max, purse and squadSize must be whole numbers of lakh / players, spreadMs 0-1000)";
        }
        armed = { lot: o.lot, max: o.max, purse: o.purse, squadSize: o.squadSize, spreadMs };
        react();
        return "armed";
      },
      disarm() {
        armed = null;
        return "disarmed";
      },
    }),
  });
})();
