/*
 * IPL Auction House: the pages' one script. It keeps the lobby and the room live: every AuctionView that arrives
 * (from the /stream event source, or the 5 s safety-net poll of the REST API) is applied unless it is older than the
 * one shown (its seq is lower). In the room it runs the clock, the bid button, the right-to-match panel and the host's
 * controls, posting to the REST API with the token the server rendered into the page for this browser only.
 *
 * For machines: window.__auction is the last view applied, <body data-seq> its seq, and a DOM event
 * "auction:view" (detail: the view) fires after each one is applied. See PAGE_CONTRACT.md.
 */
(() => {
  "use strict";

  const body = document.body;
  const page = body.dataset.page;
  const ROLES = { BATTER: "Batter", BOWLER: "Bowler", ALL_ROUNDER: "All-rounder", WICKETKEEPER: "Wicketkeeper" };
  const NOTES = {
    "": "Tap to raise the paddle",
    "not-seated": "Take a seat in the lobby to bid",
    "not-running": "Bidding is not open",
    "no-lot": "Waiting for the next player",
    "lot-closed": "Bidding on this lot has closed",
    "highest-bidder": "You hold the highest bid",
    "squad-full": "Your squad is full",
    "overseas-limit": "Your overseas slots are full",
    purse: "Beyond your maximum bid",
  };
  const POLL_MS = 5000;
  const TICK_MS = 100;
  const REFUSAL_MS = 6000;

  const readJson = (id) => {
    const el = document.getElementById(id);
    if (!el) return null;
    try {
      return JSON.parse(el.textContent);
    } catch (e) {
      return null;
    }
  };
  const byTestId = (id, root = document) => root.querySelector(`[data-testid="${id}"]`);
  const setText = (el, text) => {
    if (el && el.textContent !== String(text)) el.textContent = String(text);
  };
  const setAttr = (el, name, value) => {
    const v = value === null || value === undefined ? "" : String(value);
    if (el && el.getAttribute(name) !== v) el.setAttribute(name, v);
  };
  const setHidden = (el, hidden) => {
    if (el && el.hidden !== !!hidden) el.hidden = !!hidden;
  };
  const setDisabled = (el, disabled) => {
    if (el && el.disabled !== !!disabled) el.disabled = !!disabled;
  };
  const capitalise = (s) => (s ? s.charAt(0) + s.slice(1).toLowerCase() : "");

  /** Money as the auction shows it: "₹75 L" below a crore, "₹2.75 Cr" from a crore (as Lakh.display()). */
  const lakh = (value) => {
    if (value === null || value === undefined || value === "") return "";
    const v = Number(value);
    if (v < 100) return `₹${v} L`;
    const crore = Math.floor(v / 100);
    const rest = v % 100;
    if (rest === 0) return `₹${crore} Cr`;
    return `₹${crore}.${rest % 10 === 0 ? rest / 10 : String(rest).padStart(2, "0")} Cr`;
  };

  const data = readJson("page-data") || {};
  const code = data.code || body.dataset.code;
  const NAMES = {};

  let shown = null;
  let offset = 0; // server clock minus this browser's clock, from the last view's serverTime

  // ---------- applying views ----------

  function apply(view) {
    if (!view || (code && view.code !== code)) return;
    if (shown && view.seq < shown.seq) return;
    const previous = shown;
    shown = view;
    const serverTime = Date.parse(view.serverTime);
    if (!Number.isNaN(serverTime)) offset = serverTime - Date.now();
    view.franchises.forEach((f) => (NAMES[f.code] = f.name));
    window.__auction = view;
    body.dataset.seq = String(view.seq);
    renderPhase(view);
    if (page === "room") renderRoom(view, previous);
    if (page === "lobby") renderLobby(view, previous);
    document.dispatchEvent(new CustomEvent("auction:view", { detail: view }));
  }

  function renderPhase(view) {
    const pill = byTestId("auction-phase");
    if (!pill) return;
    setAttr(pill, "data-phase", view.phase);
    setText(pill, capitalise(view.phase));
    pill.className = `phase-pill phase-${view.phase.toLowerCase()}`;
  }

  // ---------- live connection ----------

  function connect() {
    if (!window.EventSource || !code) return;
    const source = new EventSource(`/auctions/${code}/stream`);
    source.addEventListener("auction", (event) => {
      try {
        apply(JSON.parse(event.data));
      } catch (e) {
        /* a malformed message: the next one or the poll will do */
      }
    });
    source.addEventListener("table", (event) => {
      try {
        applyTable(JSON.parse(event.data));
      } catch (e) {
        /* a malformed message: the next one will do */
      }
    });
    source.onopen = () => (body.dataset.live = "open");
    source.onerror = () => {
      body.dataset.live = "reconnecting";
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (for example a 404 or a restart mid-response): try again ourselves.
        source.close();
        setTimeout(connect, 2000);
      }
    };
  }

  function refresh() {
    if (!code) return Promise.resolve();
    return fetch(`/api/auctions/${code}`, { cache: "no-store", headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : null))
      .then((view) => view && apply(view))
      .catch(() => {});
  }

  /** POST JSON to the REST API; resolves with the response body (or null), rejects with the problem. */
  function post(url, payload, token) {
    const headers = { Accept: "application/json, application/problem+json" };
    if (payload !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch(url, {
      method: "POST",
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
    }).then(
      (r) => {
        if (r.ok) return r.status === 204 ? null : r.json().catch(() => null);
        return r
          .json()
          .catch(() => ({}))
          .then((problem) =>
            Promise.reject({
              status: r.status,
              reason: problem.reason || `http-${r.status}`,
              detail: problem.detail || problem.title || `The auction house said ${r.status}.`,
            }),
          );
      },
      () => Promise.reject({ status: 0, reason: "network", detail: "Could not reach the auction house. Retrying…" }),
    );
  }

  // ---------- the lobby ----------

  let lobbyPhase = null;

  function renderLobby(view, previous) {
    if (lobbyPhase === null) lobbyPhase = (readJson("auction-data") || view).phase;
    const taken = view.franchises.filter((f) => f.seatTaken).length;
    const count = byTestId("seats-taken");
    setAttr(count, "data-count", taken);
    setText(count, `${taken} of ${view.franchises.length} seats taken`);
    setHidden(byTestId("room-link-banner"), view.phase === "LOBBY");
    setText(byTestId("lobby-live-text"), view.phase === "COMPLETED" ? "The auction is over." : "The auction is live.");
    setDisabled(byTestId("start-auction"), view.phase !== "LOBBY");
    view.franchises.forEach((f) => {
      const card = byTestId(`seat-${f.code}`);
      if (!card) return;
      const mine = f.code === data.franchise;
      setAttr(card, "data-taken", f.seatTaken);
      card.classList.toggle("is-taken", f.seatTaken);
      const status = byTestId("seat-status", card);
      setAttr(status, "data-status", mine ? "mine" : f.seatTaken ? "taken" : "free");
      setText(status, mine ? "Your seat" : f.seatTaken ? "Taken" : "Free");
      const take = byTestId(`take-seat-${f.code}`, card);
      if (take) setHidden(take.closest("form"), f.seatTaken || !!data.franchise || view.phase === "COMPLETED");
      const purse = byTestId("purse", card);
      setAttr(purse, "data-lakh", f.purse);
      setText(purse, f.purseDisplay);
      setText(byTestId("rtm-cards", card), f.rtmCards);
      setText(byTestId("squad-size", card), f.squadSize);
    });
    // A seated browser follows the auction into the room the moment the host starts it.
    if (lobbyPhase === "LOBBY" && view.phase !== "LOBBY" && data.franchise) {
      window.location.assign(`/auctions/${code}/room`);
    }
    lobbyPhase = view.phase;
  }

  // ---------- the room ----------

  function windowMs(view) {
    const lot = view.lot;
    if (!lot) return view.rules.bidWindowMillis;
    if (lot.stage !== "BIDDING") return view.rules.rtmWindowMillis;
    return view.round === "ACCELERATED" ? view.rules.acceleratedWindowMillis : view.rules.bidWindowMillis;
  }

  function remainingMs(view) {
    const lot = view && view.lot;
    if (!lot) return 0;
    if (view.phase === "PAUSED") return lot.remainingMillis;
    if (view.phase !== "RUNNING" || !lot.closesAt) return 0;
    return Math.max(0, Date.parse(lot.closesAt) - (Date.now() + offset));
  }

  /** As BidState on the server: why this browser's franchise may not bid now ("" when it may). */
  function bidReason(view) {
    const me = data.franchise;
    const lot = view.lot;
    if (!me || !data.seatToken) return "not-seated";
    if (view.phase !== "RUNNING") return "not-running";
    if (!lot) return "no-lot";
    if (lot.stage !== "BIDDING" || remainingMs(view) <= 0) return "lot-closed";
    if (lot.highestBidder === me) return "highest-bidder";
    const mine = view.franchises.find((f) => f.code === me);
    if (!mine) return "not-seated";
    if (mine.squadSize >= view.rules.maxSquad) return "squad-full";
    if (lot.player.overseas && mine.overseasCount >= view.rules.maxOverseas) return "overseas-limit";
    if (lot.nextBid > mine.maxBid) return "purse";
    return "";
  }

  function badge(franchise) {
    const el = document.createElement("span");
    el.className = `badge fr-${franchise}`;
    el.textContent = franchise;
    return el;
  }

  function renderRoom(view, previous) {
    const lot = view.lot;
    setHidden(byTestId("waiting-banner"), view.phase !== "LOBBY");
    setHidden(byTestId("paused-banner"), view.phase !== "PAUSED");
    setHidden(byTestId("completed-banner"), view.phase !== "COMPLETED");
    // A read-only auction writes nothing: a newer snapshot means it takes changes again.
    const readOnly = byTestId("damaged-banner");
    if (readOnly && !readOnly.hidden && view.seq > Number(readOnly.getAttribute("data-seq") || 0)) {
      readOnly.hidden = true;
    }

    setAttr(byTestId("lot-panel"), "data-lot", lot ? lot.number : "");
    const number = byTestId("lot-number");
    setAttr(number, "data-lot", lot ? lot.number : "");
    setText(number, lot ? lot.number : "–");
    const set = byTestId("lot-set");
    setAttr(set, "data-set", lot ? lot.player.setCode || "" : "");
    setText(set, lot ? lot.player.setCode || "–" : "–");
    const round = byTestId("round");
    setAttr(round, "data-round", view.round);
    setText(round, view.round === "ACCELERATED" ? "Accelerated round" : "Main round");
    const stage = byTestId("lot-stage");
    setAttr(stage, "data-stage", lot ? lot.stage : "");
    setText(stage, !lot ? "No lot" : lot.stage === "BIDDING" ? "Bidding" : "Right to match");

    const p = lot ? lot.player : null;
    const avatar = document.querySelector(".player-avatar");
    setText(avatar, p ? p.name.charAt(0) : "?");
    setText(
      byTestId("lot-player-name"),
      p ? p.name : view.phase === "COMPLETED" ? "Auction over" : "Waiting for the next player",
    );
    setText(byTestId("lot-player-id"), p ? p.id : "");
    const role = byTestId("lot-player-role");
    setAttr(role, "data-role", p ? p.role : "");
    setText(role, p ? ROLES[p.role] || p.role : "");
    setText(byTestId("lot-player-country"), p ? p.country || "" : "");
    const overseas = byTestId("lot-player-overseas");
    setAttr(overseas, "data-overseas", p ? p.overseas : "");
    setHidden(overseas, !p || !p.overseas);
    const capped = byTestId("lot-player-capped");
    setAttr(capped, "data-capped", p ? p.capped : "");
    setText(capped, !p ? "" : p.capped ? "Capped" : "Uncapped");
    const team = byTestId("lot-player-team2024");
    setAttr(team, "data-franchise", p && p.team2024 ? p.team2024 : "");
    setText(team, p && p.team2024 ? `2024: ${p.team2024}` : "");
    const base = byTestId("lot-base-price");
    setAttr(base, "data-lakh", lot ? lot.basePrice : "");
    setText(base, lot ? lot.basePriceDisplay : "–");

    const bid = byTestId("current-bid");
    const hasBid = lot && lot.currentBid !== null && lot.currentBid !== undefined;
    setAttr(bid, "data-lakh", hasBid ? lot.currentBid : "");
    setText(bid, hasBid ? lot.currentBidDisplay : "No bids yet");
    const leader = lot && lot.highestBidder ? lot.highestBidder : "";
    const hb = byTestId("high-bidder");
    if (hb.getAttribute("data-franchise") !== leader || !hb.firstElementChild) {
      hb.replaceChildren();
      if (leader) hb.appendChild(badge(leader));
      const name = document.createElement("span");
      name.className = "hb-name";
      name.textContent = leader ? NAMES[leader] || leader : "";
      hb.appendChild(name);
      setAttr(hb, "data-franchise", leader);
    }
    const board = document.querySelector(".board");
    if (board) board.className = leader ? `board has-leader fr-${leader}` : "board";

    const clock = byTestId("clock");
    setAttr(clock, "data-closes-at", lot && lot.closesAt ? lot.closesAt : "");

    renderRtm(view);
    renderHost(view);
    renderFranchises(view);
    renderProgress(view);
    renderFeed(view, previous);
    renderTableParts(view, previous);
    tick();
  }

  function renderBidButton(view) {
    const button = byTestId("bid-button");
    if (!button) return;
    const reason = bidReason(view);
    const lot = view.lot;
    setAttr(button, "data-lot", lot ? lot.number : "");
    setAttr(button, "data-amount", lot ? lot.nextBid : "");
    setAttr(button, "data-reason", reason);
    setDisabled(button, reason !== "");
    setText(byTestId("bid-amount", button), lot ? lot.nextBidDisplay : "");
    setText(button.querySelector(".bid-note"), NOTES[reason] || reason);
  }

  function renderRtm(view) {
    const panel = byTestId("rtm-panel");
    if (!panel) return;
    const lot = view.lot;
    const inRtm = !!lot && lot.stage !== "BIDDING" && view.phase !== "COMPLETED";
    setAttr(panel, "data-stage", lot ? lot.stage : "");
    setHidden(panel, !inRtm);
    const me = data.franchise;
    const holder = lot ? lot.rtmFranchise : null;
    const leader = lot ? lot.highestBidder : null;
    const price = lot ? lot.currentBidDisplay : "";
    const name = (c) => (c ? NAMES[c] || c : "");
    let status = "";
    let holderTurn = false;
    let leaderTurn = false;
    if (inRtm && lot.stage === "RTM_OFFERED") {
      status = `${name(leader)} bid ${price}. ${name(holder)}, his 2024 franchise, may use a right-to-match card to take him at ${price}.`;
      holderTurn = true;
    } else if (inRtm && lot.stage === "RTM_MATCHED") {
      status = `${name(holder)} matched ${price}. ${name(leader)} may raise once, to any higher amount, or let him go at ${price}.`;
      leaderTurn = true;
    } else if (inRtm && lot.stage === "RTM_RAISED") {
      status = `${name(leader)} raised to ${price}. ${name(holder)} may match it or let him go.`;
      holderTurn = true;
    }
    const mineHolder = holderTurn && me && me === holder && data.seatToken;
    const mineLeader = leaderTurn && me && me === leader && data.seatToken;
    if (mineHolder) status += " Your call.";
    if (mineLeader) status += " Your call.";
    setText(byTestId("rtm-status"), status);
    const match = byTestId("rtm-match");
    setHidden(match, !mineHolder);
    setText(match, `Match ${price}`);
    setHidden(byTestId("rtm-decline"), !mineHolder);
    setHidden(byTestId("rtm-raise-row"), !mineLeader);
    setHidden(byTestId("rtm-no-raise"), !mineLeader);
    const input = byTestId("rtm-raise-amount");
    if (input && lot) {
      // Offer the smallest raise each time the step changes; leave the amount alone while someone types.
      const min = lot.nextBid;
      const step = `${lot.number}:${lot.stage}:${lot.currentBid}`;
      setAttr(input, "min", min);
      if (input.dataset.step !== step) {
        input.value = String(min);
        input.dataset.step = step;
      }
      updateRaiseLabel();
    }
  }

  function updateRaiseLabel() {
    const input = byTestId("rtm-raise-amount");
    const raise = byTestId("rtm-raise");
    if (!input || !raise) return;
    setAttr(raise, "data-amount", input.value);
    setText(raise, input.value ? `Raise to ${lakh(input.value)}` : "Raise");
  }

  function renderHost(view) {
    if (!byTestId("host-controls")) return;
    const start = byTestId("start-auction");
    setDisabled(start, view.phase !== "LOBBY");
    if (start) setHidden(start.closest("form"), view.phase !== "LOBBY");
    setDisabled(byTestId("host-pause"), view.phase !== "RUNNING");
    setDisabled(byTestId("host-resume"), view.phase !== "PAUSED");
    setDisabled(byTestId("host-skip"), view.phase !== "RUNNING" || !view.lot);
    setDisabled(byTestId("host-end"), view.phase === "COMPLETED");
  }

  function renderFranchises(view) {
    const leader = view.lot ? view.lot.highestBidder : null;
    view.franchises.forEach((f) => {
      const row = byTestId(`franchise-${f.code}`);
      if (!row) return;
      const mine = f.code === data.franchise;
      row.classList.toggle("is-leading", f.code === leader);
      const purse = byTestId("purse", row);
      setAttr(purse, "data-lakh", f.purse);
      setText(purse, f.purseDisplay);
      const max = byTestId("max-bid", row);
      setAttr(max, "data-lakh", f.maxBid);
      setText(max, f.maxBidDisplay);
      setText(byTestId("squad-size", row), f.squadSize);
      setText(byTestId("overseas-count", row), f.overseasCount);
      setText(byTestId("rtm-cards", row), f.rtmCards);
      const seat = byTestId("seat-status", row);
      setAttr(seat, "data-status", mine ? "mine" : f.seatTaken ? "taken" : "free");
      setText(seat, mine ? "You" : f.seatTaken ? "Seated" : "Empty seat");
    });
  }

  function renderProgress(view) {
    const pr = view.progress;
    setText(byTestId("lots-done"), pr.lotsDone);
    setText(byTestId("lots-remaining"), pr.lotsRemaining);
    setText(byTestId("sold-count"), pr.sold);
    setText(byTestId("unsold-count"), pr.unsold);
    const total = pr.lotsDone + pr.lotsRemaining;
    const fill = document.querySelector(".progress-fill");
    if (fill) fill.style.width = `${total === 0 ? 0 : Math.floor((100 * pr.lotsDone) / total)}%`;
  }

  function renderFeed(view, previous) {
    const feed = byTestId("feed");
    if (!feed) return;
    const key = view.recent.map((r) => r.lot).join(",");
    if (feed.dataset.key === key) return;
    const known = new Set(Array.from(feed.querySelectorAll('[data-testid="feed-item"]')).map((li) => li.dataset.lot));
    const items = view.recent.map((r) => {
      const li = document.createElement("li");
      li.className = "feed-item" + (r.soldTo ? "" : " is-unsold") + (previous && !known.has(String(r.lot)) ? " is-new" : "");
      li.dataset.testid = "feed-item";
      li.dataset.lot = String(r.lot);
      li.dataset.playerId = r.playerId;
      li.dataset.soldTo = r.soldTo || "";
      li.dataset.price = r.price === null || r.price === undefined ? "" : String(r.price);
      li.dataset.rtm = String(!!r.rightToMatch);
      const lotEl = document.createElement("span");
      lotEl.className = "feed-lot";
      lotEl.textContent = `#${r.lot}`;
      const player = document.createElement("span");
      player.className = "feed-player";
      const strong = document.createElement("strong");
      strong.textContent = r.playerName;
      const small = document.createElement("small");
      small.className = "muted";
      small.textContent = (ROLES[r.role] || r.role) + (r.overseas ? " · ✈" : "");
      player.append(strong, small);
      const result = document.createElement("span");
      result.className = "feed-result";
      if (r.soldTo) {
        const price = document.createElement("strong");
        price.className = "money";
        price.textContent = r.priceDisplay;
        result.append(badge(r.soldTo), price);
        if (r.rightToMatch) {
          const tag = document.createElement("span");
          tag.className = "tag tag-rtm";
          tag.textContent = "RTM";
          result.append(tag);
        }
      } else {
        result.classList.add("muted");
        result.textContent = r.skipped ? "Skipped" : "Unsold";
      }
      li.append(lotEl, player, result);
      return li;
    });
    feed.replaceChildren(...items);
    feed.dataset.key = key;
    setHidden(byTestId("feed-empty"), view.recent.length > 0);
  }

  /** Every tenth of a second: the clock's digits and bar, and the bid button (it closes when the clock runs out). */
  function tick() {
    if (!shown || page !== "room") return;
    const clock = byTestId("clock");
    if (clock) {
      const lot = shown.lot;
      const ms = remainingMs(shown);
      setAttr(clock, "data-remaining-ms", Math.round(ms));
      const digits = clock.querySelector(".clock-digits");
      let text = "–";
      if (lot && (shown.phase === "RUNNING" || shown.phase === "PAUSED")) {
        text = ms >= 10000 ? String(Math.ceil(ms / 1000)) : (Math.floor(ms / 100) / 10).toFixed(1);
      }
      setText(digits, text);
      const fill = clock.querySelector(".clock-fill");
      if (fill) fill.style.width = `${lot ? Math.min(100, (100 * ms) / Math.max(1, windowMs(shown))) : 0}%`;
      clock.classList.toggle("is-urgent", !!lot && shown.phase === "RUNNING" && ms < 3000);
      announceClock(shown, ms);
    }
    renderBidButton(shown);
  }

  // ---------- actions from the room ----------

  let refusalTimer = null;
  let refusals = 0;

  /** The house refuses every change to this auction until it is reloaded from the event log: say so on top. */
  function showReadOnly(problem) {
    const el = byTestId("damaged-banner");
    if (!el || problem.reason !== "event-log-unavailable" || !/read-only/.test(problem.detail || "")) return;
    const damaged = /damaged/.test(problem.detail);
    setAttr(el, "data-kind", damaged ? "damaged" : "reloading");
    setAttr(el, "data-seq", shown ? shown.seq : 0);
    setText(
      byTestId("damaged-title"),
      damaged ? "This auction is damaged and read-only." : "This auction is read-only for now."
    );
    setText(byTestId("damaged-reason"), problem.detail);
    setText(
      byTestId("damaged-reload"),
      damaged ? "(a restart of the auction house, once the log is repaired)" : "(the house retries by itself)"
    );
    el.hidden = false;
    watchReadOnly();
  }

  let readOnlyTimer = null;

  /**
   * While the banner shows, asks the house every few seconds whether the auction takes changes again: a reload does
   * not always bring a newer snapshot (it may come back to a sequence number this page has already seen).
   */
  function watchReadOnly() {
    const el = byTestId("damaged-banner");
    if (!el || el.hidden || readOnlyTimer || !code) return;
    readOnlyTimer = setInterval(() => {
      if (el.hidden) {
        clearInterval(readOnlyTimer);
        readOnlyTimer = null;
        return;
      }
      fetch(`/auctions/${code}/read-only`, { cache: "no-store", headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : null))
        .then((state) => {
          if (state && !state.readOnly) {
            el.hidden = true;
            // What this page saw while the auction was read-only may have been ahead of the log, with sequence
            // numbers the reloaded auction uses again: take the house's view as it is now, whatever its number.
            shown = null;
            refresh();
          }
        })
        .catch(() => {});
    }, POLL_MS);
  }

  function showRefusal(problem, context) {
    showReadOnly(problem);
    const el = byTestId("last-refusal");
    if (!el) return;
    refusals += 1;
    el.classList.remove("is-ok");
    el.textContent = problem.detail;
    setAttr(el, "data-reason", problem.reason);
    setAttr(el, "data-status", problem.status);
    setAttr(el, "data-lot", context && context.lot !== undefined ? context.lot : "");
    setAttr(el, "data-amount", context && context.amount !== undefined ? context.amount : "");
    setAttr(el, "data-count", refusals);
    el.hidden = false;
    clearTimeout(refusalTimer);
    refusalTimer = setTimeout(() => (el.hidden = true), REFUSAL_MS);
    // A refusal often means this page is behind (a stale amount, a closed lot): catch up now.
    refresh();
  }

  function bid() {
    const button = byTestId("bid-button");
    const lot = Number(button.dataset.lot);
    const amount = Number(button.dataset.amount);
    if (!data.seatToken || !lot || !amount) return;
    button.classList.add("is-sending");
    post(`/api/auctions/${code}/bids`, { franchise: data.franchise, lot, amount }, data.seatToken)
      .catch((problem) => showRefusal(problem, { lot, amount }))
      .finally(() => button.classList.remove("is-sending"));
  }

  function rtm(action, amount) {
    if (!data.seatToken) return;
    const payload = { franchise: data.franchise, action };
    if (amount !== undefined) payload.amount = amount;
    post(`/api/auctions/${code}/rtm`, payload, data.seatToken).catch((problem) =>
      showRefusal(problem, { lot: shown && shown.lot ? shown.lot.number : "", amount }),
    );
  }

  function wireRoom() {
    const button = byTestId("bid-button");
    if (button) button.addEventListener("click", bid);
    const on = (id, handler) => {
      const el = byTestId(id);
      if (el) el.addEventListener("click", handler);
    };
    on("rtm-match", () => rtm("match"));
    on("rtm-decline", () => rtm("decline"));
    on("rtm-no-raise", () => rtm("no-raise"));
    on("rtm-raise", () => {
      const input = byTestId("rtm-raise-amount");
      const amount = Number(input && input.value);
      if (amount > 0) rtm("raise", amount);
    });
    const input = byTestId("rtm-raise-amount");
    if (input) input.addEventListener("input", updateRaiseLabel);
    document.querySelectorAll("form[data-host-action]").forEach((form) => {
      form.addEventListener("submit", (event) => {
        if (!data.hostToken) return; // no token in the page: let the form post with the cookie
        event.preventDefault();
        const action = form.dataset.hostAction;
        post(`/api/auctions/${code}/host/${action}`, undefined, data.hostToken)
          .then(() => refresh())
          .catch((problem) => showRefusal(problem, {}));
      });
    });
    document.addEventListener("keydown", onShortcut);
    wireSound();
    setInterval(tick, TICK_MS);
  }

  // ---------- the table: AI and people, in or out, the ladder, the agents' reasons, the player card ----------
  // The server's "table" event (TableView) says which seats an agent holds, each agent's in or out on the open lot,
  // the accepted bids on the lot, and the agents' decisions on hammered lots (maxima and reasons only after the hammer).

  let table = readJson("table-data");
  const LADDER_SHOWN = 10;

  function applyTable(next) {
    if (!next || (code && next.code !== code)) return;
    table = next;
    window.__table = next;
    if (page === "room" && shown) renderTableParts(shown, null);
  }

  function renderTableParts(view, previous) {
    setHidden(byTestId("advice-status"), !(table && table.adviceWarmingUp));
    renderSeatKinds(view);
    renderIntents(view);
    renderLadder(view);
    renderDecisions();
    renderPlayerCard(view);
    watchOutbid(view, previous);
  }

  function renderSeatKinds(view) {
    const ai = new Set(table ? table.ai : []);
    view.franchises.forEach((f) => {
      const row = byTestId(`franchise-${f.code}`);
      const el = row && byTestId("seat-kind", row);
      if (!el) return;
      const kind = ai.has(f.code) ? "ai" : f.seatTaken || f.code === data.franchise ? "person" : "empty";
      setAttr(el, "data-kind", kind);
      setText(el, kind === "ai" ? "AI" : kind === "person" ? "Person" : "");
      setAttr(el, "title", kind === "ai" ? "An AI agent holds this seat" : kind === "person" ? "A person holds this seat" : "");
    });
  }

  function renderIntents(view) {
    const open = view.lot && table && table.lot === view.lot.number ? table.intents : [];
    const byFranchise = new Map(open.map((i) => [i.franchise, i.in ? "in" : "out"]));
    view.franchises.forEach((f) => {
      const row = byTestId(`franchise-${f.code}`);
      const el = row && byTestId("intent", row);
      if (!el) return;
      const intent = byFranchise.get(f.code) || "";
      setAttr(el, "data-intent", intent);
      setText(el, intent === "in" ? "In" : intent === "out" ? "Out" : "");
      setAttr(el, "title", intent === "in" ? "This AI franchise will bid on this lot" : intent === "out" ? "This AI franchise passes on this lot" : "");
      setHidden(el, intent === "");
    });
  }

  const clockTime = (iso) => {
    const t = new Date(iso);
    return Number.isNaN(t.getTime()) ? "" : t.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  };

  function renderLadder(view) {
    const list = byTestId("ladder-list");
    if (!list || !table) return;
    const lot = table.ladderLot || (view.lot ? view.lot.number : 0);
    setText(byTestId("ladder-lot"), lot || "–");
    const key = `${lot}:${table.ladder.map((r) => `${r.franchise}${r.amount}${r.ai ? "a" : "p"}`).join(",")}`;
    if (list.dataset.key === key) return;
    list.dataset.key = key;
    // The newest ten; the page says how many came before.
    const earlier = Math.max(0, table.ladder.length - LADDER_SHOWN);
    const items = table.ladder
      .slice(earlier)
      .reverse()
      .map((r) => {
        const li = document.createElement("li");
        li.className = "rung";
        li.dataset.testid = "ladder-rung";
        li.dataset.franchise = r.franchise;
        li.dataset.amount = String(r.amount);
        li.dataset.kind = r.ai ? "ai" : "person";
        const money = document.createElement("strong");
        money.className = "money";
        money.textContent = r.amountDisplay;
        const time = document.createElement("time");
        time.className = "muted small";
        time.dateTime = r.at;
        time.textContent = clockTime(r.at);
        const kind = document.createElement("span");
        kind.className = `seat-kind`;
        kind.dataset.kind = r.ai ? "ai" : "person";
        kind.textContent = r.ai ? "AI" : "Person";
        li.append(badge(r.franchise), money, kind, time);
        return li;
      });
    if (earlier > 0) {
      const li = document.createElement("li");
      li.className = "muted small";
      li.textContent = `and ${earlier} earlier bid${earlier === 1 ? "" : "s"}`;
      items.push(li);
    }
    list.replaceChildren(...items);
    setHidden(byTestId("ladder-empty"), items.length > 0);
  }

  function renderDecisions() {
    const list = byTestId("decisions-list");
    if (!list || !table) return;
    const key = table.revealed.map((l) => `${l.lot}:${l.decisions.length}`).join(",");
    if (list.dataset.key === key) return;
    list.dataset.key = key;
    // The latest lot open, the earlier ones folded (a click opens them).
    const lots = table.revealed.map((l, index) => {
      const article = document.createElement("details");
      article.className = "lot-decisions";
      article.dataset.testid = "lot-decisions";
      article.dataset.lot = String(l.lot);
      article.open = index === 0;
      const h = document.createElement("summary");
      h.textContent = `Lot ${l.lot} · ${l.playerName || ""}`;
      const ul = document.createElement("ul");
      ul.className = "decision-list";
      l.decisions.forEach((d) => {
        const li = document.createElement("li");
        li.className = "decision";
        li.dataset.testid = "decision";
        li.dataset.franchise = d.franchise;
        li.dataset.choice = d.choice;
        li.dataset.source = d.source;
        li.dataset.max = d.maxBid === null || d.maxBid === undefined ? "" : String(d.maxBid);
        const what = document.createElement("strong");
        what.textContent = d.choice === "BID" && d.maxBidDisplay ? `up to ${d.maxBidDisplay}` : "passed";
        const source = document.createElement("span");
        source.className = `source source-${d.source.toLowerCase()}`;
        source.dataset.testid = "decision-source";
        source.textContent = `by ${d.sourceText}`;
        const reason = document.createElement("span");
        reason.className = "reason";
        reason.dataset.testid = "decision-reason";
        reason.textContent = d.reason;
        li.append(badge(d.franchise), what, source, reason);
        ul.append(li);
      });
      article.append(h, ul);
      return article;
    });
    list.replaceChildren(...lots);
    setHidden(byTestId("decisions-empty"), lots.length > 0);
  }

  const cards = new Map();

  function renderPlayerCard(view) {
    const section = byTestId("player-card");
    if (!section) return;
    const id = view.lot ? view.lot.player.id : "";
    if (section.dataset.shown === id) return;
    section.dataset.shown = id;
    setAttr(section, "data-player-id", id);
    const stats = byTestId("player-stats", section);
    const note = byTestId("player-card-note", section);
    if (!id) {
      stats.replaceChildren();
      setText(note, "No player on the block.");
      return;
    }
    const show = (card) => {
      if (section.dataset.shown !== id) return;
      const rows = card.lines.map((line) => {
        const div = document.createElement("div");
        div.dataset.testid = "player-stat";
        const dt = document.createElement("dt");
        dt.textContent = line.label;
        const dd = document.createElement("dd");
        dd.textContent = line.value;
        div.append(dt, dd);
        return div;
      });
      stats.replaceChildren(...rows);
      setAttr(section, "data-coverage", card.coverage);
      setText(note, card.note || (rows.length ? "" : "No statistics for this player."));
    };
    if (cards.has(id)) return show(cards.get(id));
    fetch(`/auctions/${code}/players/${encodeURIComponent(id)}/card`, { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : null))
      .then((card) => {
        if (!card) return;
        if (cards.size > 50) cards.clear();
        cards.set(id, card);
        show(card);
      })
      .catch(() => {});
  }

  // ---------- attention: outbid alert, clock announcements, the bid shortcut ----------

  const baseTitle = document.title;

  function watchOutbid(view, previous) {
    const alert = byTestId("outbid-alert");
    if (!alert) return;
    const me = data.franchise;
    const lot = view.lot;
    const wasMine = previous && previous.lot && lot && previous.lot.number === lot.number && previous.lot.highestBidder === me;
    if (me && wasMine && lot.highestBidder && lot.highestBidder !== me && view.phase === "RUNNING") {
      alert.textContent = `Outbid on ${lot.player.name}: ${NAMES[lot.highestBidder] || lot.highestBidder} bid ${lot.currentBidDisplay}.`;
      setAttr(alert, "data-lot", lot.number);
      setAttr(alert, "data-by", lot.highestBidder);
      if (alert.hidden) setAttr(alert, "data-count", Number(alert.dataset.count || 0) + 1);
      alert.hidden = false;
      document.title = `Outbid! ${baseTitle}`;
      body.classList.add("is-outbid");
      if (alert.dataset.chimed !== String(lot.currentBid)) {
        alert.dataset.chimed = String(lot.currentBid);
        chime();
      }
    } else if (!lot || Number(alert.dataset.lot) !== lot.number || lot.highestBidder === me) {
      alert.hidden = true;
      document.title = baseTitle;
      body.classList.remove("is-outbid");
    }
  }

  // The outbid sound is the person's choice (off until ticked, remembered in this browser); a short tone made on the
  // spot, so there is no file to fetch.
  const SOUND_KEY = "auction.outbid-sound";
  let audio = null;

  function wireSound() {
    const box = byTestId("outbid-sound");
    if (!box) return;
    try { box.checked = localStorage.getItem(SOUND_KEY) === "on"; } catch (e) { /* storage off: stays unticked */ }
    box.addEventListener("change", () => {
      try { localStorage.setItem(SOUND_KEY, box.checked ? "on" : "off"); } catch (e) { /* not remembered */ }
    });
  }

  function chime() {
    const box = byTestId("outbid-sound");
    if (!box || !box.checked) return;
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.35);
      setAttr(box, "data-chimes", Number(box.dataset.chimes || 0) + 1);
    } catch (e) { /* no audio here: the banner and the title still say it */ }
  }

  let announced = "";

  /** Says the time left at 10, 5 and 3 seconds, once each, for screen readers (the digits change too often). */
  function announceClock(view, ms) {
    const el = byTestId("clock-announce");
    if (!el || !view.lot || view.phase !== "RUNNING") return;
    const s = Math.ceil(ms / 1000);
    const mark = [10, 5, 3].find((m) => s === m);
    const key = `${view.lot.number}:${view.lot.stage}:${view.lot.currentBid}:${mark}`;
    if (mark && announced !== key) {
      announced = key;
      el.textContent = `${mark} seconds left`;
    }
  }

  /** B bids, as the button does; never while someone types in a field or holds a modifier. */
  // Fields that take typed text: a B there is a letter, not a bid. A ticked checkbox or a pressed button keeps focus
  // without taking text, so the shortcut still works after the person has used one.
  const TEXT_INPUTS = new Set(["text", "search", "email", "number", "password", "tel", "url", "date", "time",
    "datetime-local", "month", "week"]);

  function isTyping(target) {
    if (!target) return false;
    if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
    return target.tagName === "INPUT" && TEXT_INPUTS.has((target.getAttribute("type") || "text").toLowerCase());
  }

  function onShortcut(event) {
    if (event.key !== "b" && event.key !== "B") return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (isTyping(event.target)) return;
    const button = byTestId("bid-button");
    if (!button || button.disabled) return;
    event.preventDefault();
    bid();
  }

  // ---------- start ----------

  const initial = readJson("auction-data");
  if (page === "room") {
    wireRoom();
    watchReadOnly();
  }
  if (initial) {
    apply(initial);
    connect();
    setInterval(refresh, POLL_MS);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") refresh();
    });
  }
})();
