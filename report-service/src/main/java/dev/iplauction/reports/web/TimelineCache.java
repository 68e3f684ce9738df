package dev.iplauction.reports.web;

import dev.iplauction.reports.replay.ReplayService;
import dev.iplauction.reports.replay.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public replay page's timelines: a completed auction's is built once (one scan of its topics) and served from
 * that copy afterwards; one that is not complete yet is not replayed publicly, and is looked at again at most every
 * {@link #RECHECK}. Public requests scan one at a time; the operator's {@code POST /api/replay} is the fresh scan.
 */
final class TimelineCache {

    static final int MAX_AUCTIONS = 64;
    static final Duration RECHECK = Duration.ofSeconds(30);

    private final ReplayService replays;
    private final Clock clock;
    private final Map<String, Timeline> completed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Timeline> eldest) {
            return size() > MAX_AUCTIONS;
        }
    };
    private final Map<String, Instant> notComplete = new ConcurrentHashMap<>();

    TimelineCache(ReplayService replays, Clock clock) {
        this.replays = replays;
        this.clock = clock;
    }

    /** The auction's timeline from the given time (null: all of it), from the cached copy. */
    Timeline timeline(String code, Instant from) {
        Timeline whole = whole(code);
        return from == null ? whole : from(whole, from);
    }

    private synchronized Timeline whole(String code) {
        Timeline cached = completed.get(code);
        if (cached != null) {
            return cached;
        }
        Instant checked = notComplete.get(code);
        Instant now = clock.instant();
        if (checked == null || !now.isBefore(checked.plus(RECHECK))) {
            ReplayService.Replay replay = replays.replay(code, null);
            if (!replay.found()) {
                throw new UnknownAuction("no events for auction " + code + " on any of its topics");
            }
            Timeline timeline = replay.timeline();
            if (isComplete(timeline)) {
                completed.put(code, timeline);
                notComplete.remove(code);
                return timeline;
            }
            notComplete.put(code, now);
        }
        throw new ReplayNotReady("auction " + code + " is not complete yet; its replay opens when it is (an operator"
                + " can replay it now with POST /api/replay/" + code + ")");
    }

    static boolean isComplete(Timeline timeline) {
        return timeline.between().stream().anyMatch(e -> "completed".equals(e.kind()));
    }

    private static Timeline from(Timeline whole, Instant from) {
        return new Timeline(
                whole.auctionCode(),
                whole.name(),
                from,
                whole.firstAt(),
                whole.lastAt(),
                whole.franchises(),
                whole.lots().stream()
                        .filter(l -> l.openedAt() == null || !l.openedAt().isBefore(from))
                        .toList(),
                whole.between().stream().filter(e -> !e.at().isBefore(from)).toList());
    }

    /** A public replay of an auction that is still going. */
    static final class ReplayNotReady extends RuntimeException {
        ReplayNotReady(String message) {
            super(message);
        }
    }
}
