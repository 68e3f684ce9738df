// Plays an auction's timeline back in the browser: every entry at its own moment, the gaps between them divided by
// the chosen speed (and idle stretches of more than MAX_GAP_MS shortened to it), no library and no network but the
// service's own timeline endpoint.
(function () {
  "use strict";
  var MAX_GAP_MS = 3000;
  var body = document.body;
  var code = body.dataset.code;
  var speed = parseFloat(body.dataset.speed) || 1;
  var from = body.dataset.from;
  var statusEl = document.getElementById("status");
  var lotEl = document.getElementById("lot");
  var feed = document.getElementById("feed");
  var results = document.getElementById("results");
  var pursesEl = document.getElementById("purses");
  var speedEl = document.getElementById("speed");
  var pauseEl = document.getElementById("pause");
  var frames = [];
  var next = 0;
  var paused = false;
  var timer = null;
  var purses = {};
  var lots = {};
  var currentLot = null;

  function lakh(v) {
    if (v === null || v === undefined) return "–";
    if (v < 100) return "₹" + v + " L";
    var crore = v / 100;
    return "₹" + (Math.round(crore * 100) / 100) + " Cr";
  }

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function setStatus(state, text) {
    body.dataset.state = state;
    statusEl.textContent = text;
  }

  if (![].slice.call(speedEl.options).some(function (o) { return parseFloat(o.value) === speed; })) {
    speedEl.appendChild(el("option", String(speed)));
  }
  speedEl.value = String(speed);
  speedEl.addEventListener("change", function () { speed = parseFloat(speedEl.value); });
  pauseEl.addEventListener("click", function () {
    paused = !paused;
    pauseEl.textContent = paused ? "play" : "pause";
    if (!paused) schedule(0);
    else clearTimeout(timer);
  });

  function drawPurses() {
    pursesEl.innerHTML = "";
    Object.keys(purses).forEach(function (f) {
      var p = purses[f];
      var row = el("tr", null, { "data-franchise": f });
      row.appendChild(el("td", f));
      row.appendChild(el("td", lakh(p.spent) + " spent", { class: "n" }));
      row.appendChild(el("td", p.start === null ? "" : lakh(p.start - p.spent) + " left", { class: "n" }));
      var bar = el("td");
      var width = p.start ? Math.round(120 * p.spent / p.start) : 0;
      bar.appendChild(el("span", null, { class: "bar", style: "width:" + width + "px;background:" + p.colour }));
      row.appendChild(bar);
      pursesEl.appendChild(row);
    });
  }

  // The panel shows the lot on the block; an agent's report about an earlier lot that arrives late only goes to the feed.
  function showLot(lot, entry) {
    var state = lots[lot.lot] || (lots[lot.lot] = { bid: null, leader: null, outcome: null });
    if (entry.kind === "opened") currentLot = lot.lot;
    if (entry.kind === "bid-accepted" || entry.kind === "rtm-raised") {
      state.bid = entry.amountLakh; state.leader = entry.franchise;
    }
    if (entry.kind === "sold") state.outcome = "SOLD to " + entry.franchise + " for " + lakh(entry.amountLakh);
    if (entry.kind === "unsold") state.outcome = "UNSOLD";
    if (currentLot !== null && lot.lot !== currentLot) return;
    lotEl.innerHTML = "";
    lotEl.dataset.lot = lot.lot;
    lotEl.appendChild(el("div", "Lot " + lot.lot + (lot.round ? " · " + lot.round : ""), { class: "muted" }));
    lotEl.appendChild(el("h2", lot.playerName + (lot.overseas ? " ✈" : "")));
    lotEl.appendChild(el("div", lot.role + " · base " + lakh(lot.basePriceLakh)));
    lotEl.appendChild(el("p", state.bid === null ? "no bid yet" : lakh(state.bid) + " — " + state.leader,
      { "data-testid": "current-bid" }));
    if (state.outcome) lotEl.appendChild(el("p", state.outcome, { "data-testid": "lot-outcome" }));
  }

  function apply(frame) {
    var e = frame.entry;
    var li = el("li", null, { "data-kind": e.kind });
    li.appendChild(el("span", e.kind, { class: "kind" }));
    li.appendChild(document.createTextNode(
      (frame.lot ? "lot " + frame.lot.lot + " " : "") + (e.franchise ? e.franchise + " " : "") +
      (e.amountLakh !== null && e.amountLakh !== undefined ? lakh(e.amountLakh) + " " : "") + (e.detail || "")));
    feed.insertBefore(li, feed.firstChild);
    while (feed.childNodes.length > 300) feed.removeChild(feed.lastChild);
    if (frame.lot) showLot(frame.lot, e);
    if (e.kind === "sold" || e.kind === "unsold") {
      var row = el("tr", null, { "data-lot": frame.lot.lot, "data-outcome": e.kind === "sold" ? "SOLD" : "UNSOLD" });
      row.appendChild(el("td", String(frame.lot.lot), { class: "n" }));
      row.appendChild(el("td", frame.lot.playerName));
      row.appendChild(el("td", e.kind === "sold" ? e.franchise + (frame.lot.rightToMatch ? " (RTM)" : "") : "unsold",
        { "data-franchise": e.kind === "sold" ? e.franchise : "" }));
      row.appendChild(el("td", e.kind === "sold" ? lakh(e.amountLakh) : "–", { class: "n" }));
      results.appendChild(row);
      if (e.kind === "sold" && purses[e.franchise]) {
        purses[e.franchise].spent += e.amountLakh;
        drawPurses();
      }
    }
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(step, delay);
  }

  function step() {
    if (paused) return;
    if (next >= frames.length) {
      setStatus("finished", "finished: " + frames.length + " moments played");
      return;
    }
    var frame = frames[next++];
    apply(frame);
    setStatus("playing", "playing " + next + " of " + frames.length + " at " + speed + "×");
    if (next < frames.length) {
      var gap = Math.min(MAX_GAP_MS, Math.max(0, frames[next].time - frame.time));
      schedule(gap / speed);
    } else {
      schedule(0);
    }
  }

  var url = "/api/replay/" + encodeURIComponent(code) + "/timeline" + (from ? "?from=" + encodeURIComponent(from) : "");
  fetch(url).then(function (response) {
    return response.json().then(function (json) { return { ok: response.ok, json: json }; });
  }).then(function (result) {
    if (!result.ok) {
      setStatus("error", result.json.detail || "the replay failed");
      return;
    }
    var timeline = result.json;
    timeline.franchises.forEach(function (f) {
      purses[f.franchise] = { start: f.purseLakh, spent: 0, colour: f.colour };
    });
    drawPurses();
    timeline.lots.forEach(function (lot) {
      lot.entries.forEach(function (entry) { frames.push({ time: Date.parse(entry.at), entry: entry, lot: lot }); });
    });
    timeline.between.forEach(function (entry) { frames.push({ time: Date.parse(entry.at), entry: entry, lot: null }); });
    frames.sort(function (a, b) { return a.time - b.time; });
    body.dataset.lots = String(timeline.lots.length);
    setStatus("playing", "playing");
    schedule(0);
  }).catch(function (error) {
    setStatus("error", "could not load the timeline: " + error);
  });
})();
