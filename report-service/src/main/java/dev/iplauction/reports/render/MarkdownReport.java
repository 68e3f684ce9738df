package dev.iplauction.reports.render;

import dev.iplauction.contracts.Lakh;
import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.AuctionReport.FranchisePerformance;
import dev.iplauction.reports.analysis.AuctionReport.LotDecision;
import dev.iplauction.reports.analysis.AuctionReport.LotResult;
import dev.iplauction.reports.analysis.LatencyStats;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as Markdown, for a quick read: the results first, then each franchise's numbers in tables. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(AuctionReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Auction ").append(r.auctionCode());
        if (r.name() != null) {
            md.append(": ").append(cell(r.name()));
        }
        md.append("\n\n");
        md.append("- State: ").append(r.state());
        if (r.completionReason() != null) {
            md.append(" (").append(r.completionReason()).append(')');
        }
        md.append('\n');
        line(md, "Created", r.createdAt());
        line(md, "Started", r.startedAt());
        line(md, "Completed", r.completedAt());
        var t = r.totals();
        md.append("- Lots: ")
                .append(t.lotsOpened())
                .append(" opened, ")
                .append(t.sold())
                .append(" sold (")
                .append(t.soldByRightToMatch())
                .append(" by right to match), ")
                .append(t.unsold())
                .append(" unsold; spent ")
                .append(Lakh.of(t.spendLakh()).display())
                .append('\n');
        md.append("- House bids: ")
                .append(t.houseBidsAccepted())
                .append(" accepted, ")
                .append(t.houseBidsRefused())
                .append(" refused; agents: ")
                .append(t.decisions())
                .append(" decisions, ")
                .append(t.agentBids())
                .append(" bids placed, ")
                .append(t.llmCalls())
                .append(" LLM calls\n");
        md.append("- Decision latency: ").append(stats(r.decisionLatency())).append('\n');
        md.append("- Events: ").append(map(r.eventsByTopic())).append("\n\n");

        md.append("## Franchises\n\n");
        md.append("| franchise | lots won | spent | unspent | squad | overseas | roles |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (FranchisePerformance f : r.franchises()) {
            md.append("| ")
                    .append(f.franchise())
                    .append(" | ")
                    .append(f.purse().lotsWon())
                    .append(" | ")
                    .append(Lakh.of(f.purse().spentLakh()).display())
                    .append(" | ")
                    .append(
                            f.purse().unspentLakh() == null
                                    ? "–"
                                    : Lakh.of(f.purse().unspentLakh()).display())
                    .append(" | ")
                    .append(f.squad().players())
                    .append(" | ")
                    .append(f.squad().overseas())
                    .append(" | ")
                    .append(map(f.squad().byRole()))
                    .append(" |\n");
        }

        md.append("\n## Agents\n\n");
        md.append("| franchise | decisions | by source | decision latency | bids placed | accepted | rejected"
                + " (why) | outbid | reaction | LLM calls | cache hits | timeouts | errors |\n");
        md.append("|---|---:|---|---|---:|---:|---|---:|---|---:|---:|---:|---:|\n");
        for (FranchisePerformance f : r.franchises()) {
            var d = f.decisions();
            var b = f.bids();
            var l = f.llm();
            md.append("| ")
                    .append(f.franchise())
                    .append(" | ")
                    .append(d.count())
                    .append(" | ")
                    .append(map(d.bySource()))
                    .append(" | ")
                    .append(stats(d.latency()))
                    .append(" | ")
                    .append(b.placed())
                    .append(" | ")
                    .append(b.accepted())
                    .append(" | ")
                    .append(b.rejected())
                    .append(b.rejectedByReason().isEmpty() ? "" : " (" + map(b.rejectedByReason()) + ")")
                    .append(" | ")
                    .append(b.outbid())
                    .append(" | ")
                    .append(stats(b.reaction()))
                    .append(" | ")
                    .append(l.calls())
                    .append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%d (%.0f %%)", l.cached(), 100 * l.cacheHitRate()))
                    .append(" | ")
                    .append(l.timeouts())
                    .append(" | ")
                    .append(l.errors())
                    .append(" |\n");
        }

        md.append("\n## Health\n\n");
        md.append("| franchise | heartbeats | heartbeat gaps | instances | takeovers | unhealthy | restarts (attempts)"
                + " | failures | recoveries | last state |\n");
        md.append("|---|---:|---|---:|---:|---:|---|---:|---:|---|\n");
        for (FranchisePerformance f : r.franchises()) {
            var h = f.health();
            md.append("| ")
                    .append(f.franchise())
                    .append(" | ")
                    .append(h.heartbeats())
                    .append(" | ")
                    .append(stats(h.heartbeatGaps()))
                    .append(" | ")
                    .append(h.instances())
                    .append(" | ")
                    .append(h.takeovers())
                    .append(" | ")
                    .append(h.unhealthy())
                    .append(" | ")
                    .append(h.restarts())
                    .append(" (")
                    .append(h.restartAttempts())
                    .append(") | ")
                    .append(h.restartFailures())
                    .append(" | ")
                    .append(h.recoveries())
                    .append(" | ")
                    .append(h.lastState() == null ? "–" : h.lastState())
                    .append(" |\n");
        }

        md.append("\n## Lots\n\n");
        md.append("| lot | round | player | role | base | outcome | franchise | price | bids |\n");
        md.append("|---:|---|---|---|---:|---|---|---:|---:|\n");
        for (LotResult lot : r.lots()) {
            md.append("| ")
                    .append(lot.lot())
                    .append(" | ")
                    .append(lot.round() == null ? "–" : lot.round())
                    .append(" | ")
                    .append(cell(lot.playerName()))
                    .append(lot.overseas() ? " ✈" : "")
                    .append(" | ")
                    .append(lot.role())
                    .append(" | ")
                    .append(Lakh.of(lot.basePriceLakh()).display())
                    .append(" | ")
                    .append(lot.outcome())
                    .append(lot.rightToMatch() ? " (RTM)" : "")
                    .append(" | ")
                    .append(lot.franchise() == null ? "–" : lot.franchise())
                    .append(" | ")
                    .append(
                            lot.priceLakh() == null
                                    ? "–"
                                    : Lakh.of(lot.priceLakh()).display())
                    .append(" | ")
                    .append(lot.bids())
                    .append(" |\n");
        }

        md.append("\n## Why the AI franchises bid\n\n");
        md.append("| lot | player | franchise | decision | from | reason |\n");
        md.append("|---:|---|---|---|---|---|\n");
        for (LotResult lot : r.lots()) {
            for (LotDecision d : lot.decisions()) {
                md.append("| ")
                        .append(lot.lot())
                        .append(" | ")
                        .append(cell(lot.playerName()))
                        .append(" | ")
                        .append(d.franchise())
                        .append(" | ")
                        .append(HtmlReport.decided(d))
                        .append(" | ")
                        .append(d.sourceText())
                        .append(" | ")
                        .append(cell(d.reason()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static void line(StringBuilder md, String label, Object value) {
        if (value != null) {
            md.append("- ").append(label).append(": ").append(value).append('\n');
        }
    }

    static String stats(LatencyStats s) {
        if (s.count() == 0) {
            return "–";
        }
        return "p50 " + s.p50() + " / p95 " + s.p95() + " / p99 " + s.p99() + " / max " + s.max() + " ms (n="
                + s.count() + ")";
    }

    private static String map(Map<String, Integer> counts) {
        String text = counts.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "–" : text;
    }

    /**
     * Text from events (an auction's name is whatever its creator typed) as literal text: HTML is written as entities,
     * Markdown's inline syntax and table pipes are escaped, and it stays on one line. It never starts a line here, so
     * block syntax (#, -, >) needs nothing more.
     */
    static String cell(String text) {
        if (text == null) {
            return "–";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '(', ')', '|', '~', '!', '#' ->
                    out.append('\\').append(c);
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
