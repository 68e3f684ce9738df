package dev.iplauction.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.reports.SampleAuction;
import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.ReportBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three renderings of the sample auction: JSON that reads back equal, Markdown tables, HTML with four charts. */
class ReportRenderingTests {

    private final AuctionReport report =
            ReportBuilder.build("TEST01", SampleAuction.recorded(SampleAuction.events("TEST01")));

    @Test
    void jsonReadsBackAsTheSameReport() {
        String json = ReportFiles.json(report);
        assertThat(ReportFiles.parse(json)).isEqualTo(report);
        assertThat(json).contains("\"auctionCode\" : \"TEST01\"").contains("\"p95\" : 100");
    }

    @Test
    void markdownHasTheResultsAndEachFranchisesNumbers() {
        String md = MarkdownReport.render(report);
        assertThat(md)
                .startsWith("# Auction TEST01: Sample auction")
                .contains("- State: COMPLETED (ALL_LOTS_DONE)")
                .contains("- Lots: 5 opened, 4 sold (1 by right to match), 1 unsold; spent ₹4.4 Cr")
                .contains("| CSK | 1 | ₹2.4 Cr | ₹7.6 Cr | 1 | 0 | BATTER 1 |")
                .contains("| RCB | 2 | ₹1 Cr | ₹7 Cr | 3 | 0 | BATTER 1, ALL_ROUNDER 1, WICKETKEEPER 1 |")
                .contains("| 3 | MAIN | Ravi Allround | ALL_ROUNDER | ₹50 L | SOLD (RTM) | RCB | ₹70 L | 1 |")
                .contains(
                        "| MI | 20 | RULES 20 | p50 50 / p95 95 / p99 100 / max 100 ms (n=20) | 4 | 2 | 1 (stale 1) |")
                .contains(
                        "| CSK | 4 | p50 10000 / p95 15000 / p99 15000 / max 15000 ms (n=3) | 2 | 1 | 1 | 1 (1) | 0 | 1 | BIDDING |");
    }

    @Test
    void htmlHasFourChartsWithABarPerFranchiseBucketAndSoldLot() {
        String html = HtmlReport.render(report);
        assertThat(count(html, "<svg ")).isEqualTo(4);
        assertThat(count(chart(html, "spend"), "class=\"bar\"")).isEqualTo(3);
        assertThat(count(chart(html, "prices"), "class=\"point\"")).isEqualTo(4);
        assertThat(count(chart(html, "prices"), "class=\"unsold\"")).isEqualTo(1);
        assertThat(count(chart(html, "latency"), "class=\"bar\"")).isEqualTo(11);
        assertThat(count(chart(html, "squads"), "class=\"stack\"")).isEqualTo(3);
        assertThat(count(chart(html, "squads"), "class=\"segment\"")).isEqualTo(1 + 1 + 3);
        assertThat(html).doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("https://");
    }

    @Test
    void bothListEachAiFranchisesDecisionAndReasonPerLot() {
        String html = HtmlReport.render(report);
        assertThat(html)
                .contains("Why the AI franchises bid")
                .containsPattern("data-decision=\"1-CSK\"><td class=\"n\">1</td><td>[^<]+</td><td>CSK</td>"
                        + "<td>up to ₹2.6 Cr</td><td>its rules</td><td>reason 1</td>")
                .containsPattern(
                        "data-decision=\"2-CSK\">.*<td>passed</td><td>the LLM&#39;s advice</td><td>reason 2</td>")
                .contains("<td>a cached LLM answer</td><td>reason 3</td>")
                .contains("<td>its rules (the LLM failed or timed out)</td><td>reason 4</td>");
        assertThat(MarkdownReport.render(report))
                .contains("## Why the AI franchises bid")
                .containsPattern("\\| 1 \\| [^|]+ \\| CSK \\| up to ₹2.6 Cr \\| its rules \\| reason 1 \\|")
                .containsPattern(
                        "\\| 4 \\| [^|]+ \\| CSK \\| passed \\| its rules \\(the LLM failed or timed out\\) \\| reason 4 \\|");
    }

    @Test
    void markdownShowsAnAuctionNameAsTextNotAsMarkupOrHtml() {
        String md = MarkdownReport.render(new AuctionReport(
                "TEST03",
                "<img src=x onerror=alert(1)> [click](http://evil.example) **bold** | col\n# heading",
                "LOBBY",
                null,
                null,
                null,
                null,
                report.eventsByTopic(),
                report.totals(),
                report.decisionLatency(),
                report.decisionLatencyHistogram(),
                report.franchises(),
                report.lots()));
        String title = md.lines().findFirst().orElseThrow();
        assertThat(title)
                .startsWith("# Auction TEST03: ")
                .doesNotContain("<img", "](", "**", " | ")
                .contains(
                        "&lt;img src=x onerror=alert\\(1\\)&gt;", "\\[click\\]\\(http://evil.example\\)", "\\*\\*bold")
                .contains("\\| col \\# heading");
        assertThat(md.lines().filter(l -> l.startsWith("# "))).hasSize(1);
    }

    @Test
    void textFromEventsIsEscaped() {
        String html = HtmlReport.render(new AuctionReport(
                "TEST02",
                "<script>alert(1)</script>",
                "LOBBY",
                null,
                null,
                null,
                null,
                report.eventsByTopic(),
                report.totals(),
                report.decisionLatency(),
                report.decisionLatencyHistogram(),
                report.franchises(),
                report.lots()));
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void filesAreWrittenInTheReportsFolderAndListed(@TempDir Path dir) throws Exception {
        ReportFiles files = new ReportFiles(dir);
        files.write(report);
        assertThat(files.codes()).containsExactly("TEST01");
        assertThat(Files.list(dir.resolve("TEST01")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("report.json", "report.md", "report.html");
        assertThat(files.read("TEST01", ReportFiles.JSON).map(ReportFiles::parse))
                .contains(report);
        assertThat(files.exists("NOPE01")).isFalse();
    }

    private static String chart(String html, String name) {
        Matcher m = Pattern.compile("<svg[^>]*data-chart=\"" + name + "\".*?</svg>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("chart " + name).isTrue();
        return m.group();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
