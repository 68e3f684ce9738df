package dev.iplauction.reports.render;

import static dev.iplauction.reports.render.Html.esc;

import dev.iplauction.contracts.Lakh;
import dev.iplauction.reports.profile.AuctionReport;
import dev.iplauction.reports.profile.AuctionReport.FranchiseProfile;
import dev.iplauction.reports.profile.AuctionReport.LotResult;
import dev.iplauction.reports.profile.LatencyStats;

/**
 * The report as one self-contained HTML page: the charts (inline SVG), then the tables. No script, no style sheet or
 * font to fetch, so it reads the same opened from disk without a network.
 */
public final class HtmlReport {

    private HtmlReport() {}

    public static String render(AuctionReport r) {
        StringBuilder html = new StringBuilder(32_000);
        html.append(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Auction ")
                .append(esc(r.auctionCode()))
                .append(" report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:1100px;padding:0 1rem;"
                        + "color:#222}h1{margin-bottom:.2rem}section{margin:1.5rem 0}"
                        + ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:1rem}"
                        + "figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:.5rem;overflow-x:auto}"
                        + "figcaption{font-weight:600;margin-bottom:.3rem}svg{max-width:100%;height:auto}"
                        + "table{border-collapse:collapse;width:100%;font-size:.9rem}"
                        + "th,td{border-bottom:1px solid #eee;padding:.25rem .5rem;text-align:left}"
                        + "td.n,th.n{text-align:right}.muted{color:#777}")
                .append("</style></head><body data-auction=\"")
                .append(esc(r.auctionCode()))
                .append("\" data-state=\"")
                .append(esc(r.state()))
                .append("\">\n");
        html.append("<h1>Auction ").append(esc(r.auctionCode()));
        if (r.name() != null) {
            html.append(": ").append(esc(r.name()));
        }
        html.append("</h1>\n<p class=\"muted\" data-testid=\"summary\">")
                .append(esc(r.state()))
                .append(r.completionReason() == null ? "" : " (" + esc(r.completionReason()) + ")")
                .append(r.completedAt() == null ? "" : " at " + esc(r.completedAt()))
                .append(" · ")
                .append(r.totals().lotsOpened())
                .append(" lots, ")
                .append(r.totals().sold())
                .append(" sold, ")
                .append(r.totals().unsold())
                .append(" unsold · spent ")
                .append(esc(Lakh.of(r.totals().spendLakh()).display()))
                .append(" · decision latency ")
                .append(esc(MarkdownReport.stats(r.decisionLatency())))
                .append("</p>\n");

        String[] captions = {"Spend by franchise", "Prices over the auction", "Decision latency", "Squad make-up"};
        html.append("<section class=\"charts\">");
        var charts = SvgCharts.all(r);
        for (int i = 0; i < charts.size(); i++) {
            html.append("<figure><figcaption>")
                    .append(captions[i])
                    .append("</figcaption>")
                    .append(charts.get(i))
                    .append("</figure>");
        }
        html.append("</section>\n");

        html.append("<section><h2>Franchises</h2><table data-testid=\"franchises\"><tr><th>franchise</th>"
                + "<th class=n>lots won</th><th class=n>spent</th><th class=n>unspent</th><th class=n>squad</th>"
                + "<th class=n>decisions</th><th>decision ms p50·p95·p99·max</th><th class=n>bids placed</th>"
                + "<th class=n>accepted</th><th class=n>rejected</th><th>reaction ms p50·p95·p99·max</th><th class=n>LLM calls</th>"
                + "<th class=n>cache hits</th><th class=n>timeouts</th><th class=n>errors</th>"
                + "<th class=n>heartbeats</th><th class=n>max gap</th><th class=n>restarts</th>"
                + "<th class=n>failures</th></tr>");
        for (FranchiseProfile f : r.franchises()) {
            html.append("<tr data-franchise=\"").append(esc(f.franchise())).append("\"><td>");
            html.append(esc(f.franchise())).append("</td>");
            num(html, f.purse().lotsWon());
            num(html, Lakh.of(f.purse().spentLakh()).display());
            num(
                    html,
                    f.purse().unspentLakh() == null
                            ? "–"
                            : Lakh.of(f.purse().unspentLakh()).display());
            num(html, f.squad().players());
            num(html, f.decisions().count());
            html.append("<td>").append(esc(compact(f.decisions().latency()))).append("</td>");
            num(html, f.bids().placed());
            num(html, f.bids().accepted());
            num(html, f.bids().rejected());
            html.append("<td>").append(esc(compact(f.bids().reaction()))).append("</td>");
            num(html, f.llm().calls());
            num(html, f.llm().cached());
            num(html, f.llm().timeouts());
            num(html, f.llm().errors());
            num(html, f.health().heartbeats());
            num(
                    html,
                    f.health().heartbeatGaps().count() == 0
                            ? "–"
                            : f.health().heartbeatGaps().max() + " ms");
            num(html, f.health().restarts());
            num(html, f.health().restartFailures());
            html.append("</tr>");
        }
        html.append("</table></section>\n");

        html.append("<section><h2>Lots</h2><table data-testid=\"lots\"><tr><th class=n>lot</th><th>round</th>"
                + "<th>player</th><th>role</th><th class=n>base</th><th>outcome</th><th>franchise</th>"
                + "<th class=n>price</th><th class=n>bids</th></tr>");
        for (LotResult lot : r.lots()) {
            html.append("<tr data-lot=\"").append(lot.lot()).append("\">");
            num(html, lot.lot());
            html.append("<td>").append(esc(lot.round())).append("</td><td>");
            html.append(esc(lot.playerName()))
                    .append(lot.overseas() ? " ✈" : "")
                    .append("</td><td>");
            html.append(esc(lot.role())).append("</td>");
            num(html, Lakh.of(lot.basePriceLakh()).display());
            html.append("<td>")
                    .append(esc(lot.outcome()))
                    .append(lot.rightToMatch() ? " (RTM)" : "")
                    .append("</td><td>")
                    .append(esc(lot.franchise()))
                    .append("</td>");
            num(html, lot.priceLakh() == null ? "–" : Lakh.of(lot.priceLakh()).display());
            num(html, lot.bids());
            html.append("</tr>");
        }
        html.append("</table></section>\n");
        html.append("<p class=\"muted\">Events: ")
                .append(esc(r.eventsByTopic()))
                .append(" · <a href=\"/api/reports/")
                .append(esc(r.auctionCode()))
                .append("\">JSON</a> · <a href=\"/api/reports/")
                .append(esc(r.auctionCode()))
                .append(".md\">Markdown</a> · <a href=\"/replay/")
                .append(esc(r.auctionCode()))
                .append("\">replay</a></p>\n</body></html>\n");
        return html.toString();
    }

    private static String compact(LatencyStats s) {
        return s.count() == 0 ? "–" : s.p50() + " · " + s.p95() + " · " + s.p99() + " · " + s.max();
    }

    private static void num(StringBuilder html, Object value) {
        html.append("<td class=n>").append(esc(value)).append("</td>");
    }
}
