package dev.iplauction.reports.web;

import dev.iplauction.contracts.Lakh;
import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.Recorded;
import dev.iplauction.reports.analysis.ReportBuilder;
import dev.iplauction.reports.render.HtmlReport;
import dev.iplauction.reports.render.MarkdownReport;
import dev.iplauction.reports.render.ReportFiles;
import dev.iplauction.reports.stream.ReportStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports over HTTP: the list, and each report as JSON, Markdown and HTML. A completed auction's report is the one on
 * disk; an auction still running gets a live report built the same way from the events the stream holds so far.
 */
@RestController
class ReportController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final ReportFiles files;
    private final ReportStream stream;

    ReportController(ReportFiles files, ReportStream stream) {
        this.files = files;
        this.stream = stream;
    }

    /** One line of the list of reports. */
    record ReportSummary(
            String auctionCode,
            String name,
            String state,
            Instant completedAt,
            int lots,
            int sold,
            int spendLakh,
            String json,
            String markdown,
            String html,
            String replay) {}

    @GetMapping(value = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ReportSummary> list() {
        return files.codes().stream()
                .flatMap(code -> files.read(code, ReportFiles.JSON).map(ReportFiles::parse).stream())
                .map(r -> new ReportSummary(
                        r.auctionCode(),
                        r.name(),
                        r.state(),
                        r.completedAt(),
                        r.totals().lotsOpened(),
                        r.totals().sold(),
                        r.totals().spendLakh(),
                        "/api/reports/" + r.auctionCode(),
                        "/api/reports/" + r.auctionCode() + ".md",
                        "/reports/" + r.auctionCode(),
                        "/replay/" + r.auctionCode()))
                .toList();
    }

    @GetMapping(value = "/api/reports/{code:[^.]+}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> json(@PathVariable String code) {
        String auction = Requests.code(code);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(files.read(auction, ReportFiles.JSON).orElseGet(() -> ReportFiles.json(live(auction))));
    }

    @GetMapping("/api/reports/{code}.md")
    ResponseEntity<String> markdown(@PathVariable String code) {
        String auction = Requests.code(code);
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .body(files.read(auction, ReportFiles.MARKDOWN).orElseGet(() -> MarkdownReport.render(live(auction))));
    }

    @GetMapping("/reports/{code}")
    ResponseEntity<String> html(@PathVariable String code) {
        String auction = Requests.code(code);
        return ResponseEntity.ok()
                .contentType(HTML)
                .body(files.read(auction, ReportFiles.HTML).orElseGet(() -> HtmlReport.render(live(auction))));
    }

    @GetMapping("/")
    ResponseEntity<String> index() {
        List<HtmlReport.Listed> listed = list().stream()
                .map(r -> new HtmlReport.Listed(
                        r.auctionCode(),
                        r.name(),
                        r.completedAt() == null ? "" : r.completedAt().toString(),
                        r.sold() + " of " + r.lots(),
                        Lakh.of(r.spendLakh()).display(),
                        r.html(),
                        r.markdown(),
                        r.json(),
                        r.replay()))
                .toList();
        return ResponseEntity.ok().contentType(HTML).body(HtmlReport.index(listed));
    }

    private AuctionReport live(String code) {
        Optional<List<Recorded>> events = stream.events(code);
        if (events.isEmpty() || events.get().isEmpty()) {
            throw new ReportNotFound("no report for auction " + code
                    + ": it has not completed, or none of its events have reached this service");
        }
        return ReportBuilder.build(code, events.get());
    }
}
