package dev.iplauction.reports.web;

import dev.iplauction.contracts.Lakh;
import dev.iplauction.reports.profile.AuctionReport;
import dev.iplauction.reports.profile.Recorded;
import dev.iplauction.reports.profile.ReportBuilder;
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
 * disk; an auction still running gets a live profile built the same way from the events the stream holds so far.
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
        StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>Auction reports</title>"
                        + "<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:1.5rem auto;padding:0 1rem}"
                        + "td,th{padding:.25rem .6rem;text-align:left;border-bottom:1px solid #eee}</style></head><body>"
                        + "<h1>Auction reports</h1><table data-testid=\"reports\"><tr><th>auction</th><th>name</th>"
                        + "<th>completed</th><th>sold</th><th>spent</th><th></th></tr>");
        for (ReportSummary r : list()) {
            html.append("<tr><td><a href=\"")
                    .append(r.html())
                    .append("\">")
                    .append(r.auctionCode())
                    .append("</a></td><td>")
                    .append(escape(r.name()))
                    .append("</td><td>")
                    .append(r.completedAt() == null ? "" : r.completedAt())
                    .append("</td><td>")
                    .append(r.sold())
                    .append(" of ")
                    .append(r.lots())
                    .append("</td><td>")
                    .append(Lakh.of(r.spendLakh()).display())
                    .append("</td><td><a href=\"")
                    .append(r.markdown())
                    .append("\">md</a> · <a href=\"")
                    .append(r.json())
                    .append("\">json</a> · <a href=\"")
                    .append(r.replay())
                    .append("\">replay</a></td></tr>");
        }
        html.append("</table></body></html>");
        return ResponseEntity.ok().contentType(HTML).body(html.toString());
    }

    private AuctionReport live(String code) {
        Optional<List<Recorded>> events = stream.events(code);
        if (events.isEmpty() || events.get().isEmpty()) {
            throw new ReportNotFound("no report for auction " + code
                    + ": it has not completed, or none of its events have reached this service");
        }
        return ReportBuilder.build(code, events.get());
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
