package dev.iplauction.reports.web;

import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.render.HtmlReport;
import dev.iplauction.reports.render.ReportFiles;
import dev.iplauction.reports.replay.ReplayService;
import dev.iplauction.reports.replay.ReplayService.Replay;
import dev.iplauction.reports.replay.Timeline;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replays over HTTP: rebuild an auction from its topics (its report, written beside the live one under {@code
 * replay/}), its timeline as JSON, and a page that plays the timeline back at a chosen speed. A fresh scan is the
 * operator's (POST, behind the operator token); the public page reads a completed auction's cached timeline.
 */
@RestController
class ReplayController {

    private final ReplayService replays;
    private final ReportFiles files;
    private final TimelineCache timelines;

    ReplayController(ReplayService replays, ReportFiles files) {
        this.replays = replays;
        this.files = files;
        this.timelines = new TimelineCache(replays, java.time.Clock.systemUTC());
    }

    /** What a replay did, how fast, and the report it made again. */
    record ReplaySummary(
            String auctionCode,
            Instant from,
            int events,
            int lots,
            long recordsScanned,
            long unreadable,
            double readMillis,
            double buildMillis,
            long eventsPerSecond,
            String written,
            AuctionReport report) {}

    /** A fresh scan of six topics: POST only, and behind the operator token (operator.protect). */
    @RequestMapping(
            value = "/api/replay/{code}",
            method = RequestMethod.POST,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ReplaySummary replay(@PathVariable String code, @RequestParam(required = false) String from) {
        Replay replay = run(code, from);
        // Only a replay of the whole auction stands beside the live report; one from a time is partial by design.
        String written =
                replay.from() == null ? files.writeReplay(replay.report()).toString() : null;
        return new ReplaySummary(
                replay.auctionCode(),
                replay.from(),
                replay.events().size(),
                replay.timeline().lots().size(),
                replay.recordsScanned(),
                replay.unreadable(),
                replay.readNanos() / 1e6,
                replay.buildNanos() / 1e6,
                Math.round(replay.eventsPerSecond()),
                written,
                replay.report());
    }

    /** The operator's fresh scan, from a time (by record time on the topics). */
    @org.springframework.web.bind.annotation.PostMapping(
            value = "/api/replay/{code}/timeline",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Timeline freshTimeline(@PathVariable String code, @RequestParam(required = false) String from) {
        return run(code, from).timeline();
    }

    /** The public page's timeline: a completed auction's, built once and served from that copy. */
    @GetMapping(value = "/api/replay/{code}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Timeline timeline(@PathVariable String code, @RequestParam(required = false) String from) {
        return timelines.timeline(Requests.code(code), Requests.from(from));
    }

    @GetMapping("/replay/{code}")
    ResponseEntity<String> page(
            @PathVariable String code,
            @RequestParam(required = false) String speed,
            @RequestParam(required = false) String from) {
        String auction = Requests.code(code);
        double playSpeed = Requests.speed(speed);
        Instant start = Requests.from(from);
        return ResponseEntity.ok()
                .contentType(ReportController.HTML)
                .body(HtmlReport.replayPage(auction, playSpeed, start));
    }

    private Replay run(String code, String from) {
        String auction = Requests.code(code);
        Instant start = Requests.from(from);
        Replay replay = replays.replay(auction, start);
        if (!replay.found()) {
            throw new UnknownAuction("no events for auction " + auction + (start == null ? "" : " from " + start)
                    + " on any of its topics");
        }
        return replay;
    }
}
