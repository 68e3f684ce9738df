package dev.iplauction.reports.render;

import dev.iplauction.contracts.Lakh;
import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.AuctionReport.FranchisePerformance;
import dev.iplauction.reports.analysis.AuctionReport.LotDecision;
import dev.iplauction.reports.analysis.AuctionReport.LotResult;
import dev.iplauction.reports.analysis.LatencyStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report as one self-contained HTML page (templates/reports/report.html): the charts (inline SVG), then the
 * tables; and the list of reports (templates/reports/index.html). No script, no style sheet or font to fetch, so a
 * report reads the same opened from disk without a network. Thymeleaf writes the markup and escapes every text, the
 * one escaper of these pages; it runs without Spring too (the command-line replay writes report.html).
 */
public final class HtmlReport {

    private static final TemplateEngine TEMPLATES = templates();

    private HtmlReport() {}

    /** A table cell: its text and whether it is a number (right-aligned). */
    public record Cell(String text, boolean numeric) {}

    /** A table row: its key (the franchise or the lot) and its cells. */
    public record Row(String key, List<Cell> cells) {}

    /** One report in the list of reports. */
    public record Listed(
            String auctionCode,
            String name,
            String completedAt,
            String sold,
            String spent,
            String html,
            String markdown,
            String json,
            String replay) {}

    public static String render(AuctionReport r) {
        Context page = new Context(Locale.ROOT);
        page.setVariable("r", r);
        page.setVariable(
                "summary",
                r.state()
                        + (r.completionReason() == null ? "" : " (" + r.completionReason() + ")")
                        + (r.completedAt() == null ? "" : " at " + r.completedAt())
                        + " · " + r.totals().lotsOpened() + " lots, "
                        + r.totals().sold() + " sold, "
                        + r.totals().unsold() + " unsold · spent "
                        + Lakh.of(r.totals().spendLakh()).display()
                        + " · decision latency " + MarkdownReport.stats(r.decisionLatency()));
        page.setVariable("charts", SvgCharts.all(r));
        page.setVariable("franchises", franchiseRows(r.franchises()));
        page.setVariable("lots", lotRows(r.lots()));
        page.setVariable("decisions", decisionRows(r.lots()));
        page.setVariable("events", String.valueOf(r.eventsByTopic()));
        return TEMPLATES.process("reports/report", page);
    }

    /** The replay page of an auction (its script, /replay.js, plays the timeline); from: null for the whole. */
    public static String replayPage(String auctionCode, double speed, Object from) {
        Context page = new Context(Locale.ROOT);
        page.setVariable("code", auctionCode);
        page.setVariable("speed", String.format(Locale.ROOT, "%s", speed));
        page.setVariable("from", from == null ? "" : from.toString());
        return TEMPLATES.process("reports/replay", page);
    }

    /** The list of reports, newest first as given. */
    public static String index(List<Listed> reports) {
        Context page = new Context(Locale.ROOT);
        page.setVariable("reports", reports);
        return TEMPLATES.process("reports/index", page);
    }

    private static List<Row> franchiseRows(List<FranchisePerformance> franchises) {
        List<Row> rows = new ArrayList<>();
        for (FranchisePerformance f : franchises) {
            rows.add(new Row(
                    f.franchise(),
                    List.of(
                            text(f.franchise()),
                            num(f.purse().lotsWon()),
                            num(Lakh.of(f.purse().spentLakh()).display()),
                            num(
                                    f.purse().unspentLakh() == null
                                            ? "–"
                                            : Lakh.of(f.purse().unspentLakh()).display()),
                            num(f.squad().players()),
                            num(f.decisions().count()),
                            text(compact(f.decisions().latency())),
                            num(f.bids().placed()),
                            num(f.bids().accepted()),
                            num(f.bids().rejected()),
                            text(compact(f.bids().reaction())),
                            num(f.llm().calls()),
                            num(f.llm().cached()),
                            num(f.llm().timeouts()),
                            num(f.llm().errors()),
                            num(f.health().heartbeats()),
                            num(
                                    f.health().heartbeatGaps().count() == 0
                                            ? "–"
                                            : f.health().heartbeatGaps().max() + " ms"),
                            num(f.health().restarts()),
                            num(f.health().restartFailures()))));
        }
        return rows;
    }

    private static List<Row> lotRows(List<LotResult> lots) {
        List<Row> rows = new ArrayList<>();
        for (LotResult lot : lots) {
            rows.add(new Row(
                    String.valueOf(lot.lot()),
                    List.of(
                            num(lot.lot()),
                            text(lot.round()),
                            text(lot.playerName() + (lot.overseas() ? " ✈" : "")),
                            text(lot.role()),
                            num(Lakh.of(lot.basePriceLakh()).display()),
                            text(lot.outcome() + (lot.rightToMatch() ? " (RTM)" : "")),
                            text(lot.franchise()),
                            num(
                                    lot.priceLakh() == null
                                            ? "–"
                                            : Lakh.of(lot.priceLakh()).display()),
                            num(lot.bids()))));
        }
        return rows;
    }

    /** One row per AI franchise's decision on a lot, keyed "lot-franchise". */
    private static List<Row> decisionRows(List<LotResult> lots) {
        List<Row> rows = new ArrayList<>();
        for (LotResult lot : lots) {
            for (LotDecision d : lot.decisions()) {
                rows.add(new Row(
                        lot.lot() + "-" + d.franchise(),
                        List.of(
                                num(lot.lot()),
                                text(lot.playerName()),
                                text(d.franchise()),
                                text(decided(d)),
                                text(d.sourceText()),
                                text(d.reason()))));
            }
        }
        return rows;
    }

    /** "up to ₹2.6 Cr" or "passed". */
    static String decided(LotDecision d) {
        return d.maxBidLakh() == null
                ? "passed"
                : "up to " + Lakh.of(d.maxBidLakh()).display();
    }

    private static Cell text(Object value) {
        return new Cell(value == null ? "" : value.toString(), false);
    }

    private static Cell num(Object value) {
        return new Cell(value == null ? "" : value.toString(), true);
    }

    private static String compact(LatencyStats s) {
        return s.count() == 0 ? "–" : s.p50() + " · " + s.p95() + " · " + s.p99() + " · " + s.max();
    }

    private static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
