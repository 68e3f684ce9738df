package dev.iplauction.reports.render;

import static dev.iplauction.reports.render.Html.esc;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Role;
import dev.iplauction.reports.profile.AuctionReport;
import dev.iplauction.reports.profile.AuctionReport.FranchiseProfile;
import dev.iplauction.reports.profile.AuctionReport.HistogramBucket;
import dev.iplauction.reports.profile.AuctionReport.LotResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as inline SVG, drawn on the server: no script and no library to fetch, so a report opens the
 * same from disk, offline, as over HTTP. Each chart is an {@code <svg data-chart=…>}; each bar, point and segment has
 * a class ({@code bar}, {@code point}, {@code segment}) and a {@code <title>} that a pointer shows.
 */
final class SvgCharts {

    private static final int WIDTH = 720;
    private static final String[] ROLE_COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private SvgCharts() {}

    /** Spend by franchise: one bar each for what it spent, and beside it, fainter, what it left unspent. */
    static String spend(List<FranchiseProfile> franchises) {
        int row = 28;
        int left = 60;
        int height = Math.max(1, franchises.size()) * row + 30;
        int max = franchises.stream()
                .mapToInt(f -> f.purse().spentLakh() + nz(f.purse().unspentLakh()))
                .max()
                .orElse(0);
        double scale = max == 0 ? 0 : (WIDTH - left - 90.0) / max;
        StringBuilder svg = open("spend", height, "Spend by franchise");
        for (int i = 0; i < franchises.size(); i++) {
            FranchiseProfile f = franchises.get(i);
            int y = 10 + i * row;
            double spent = f.purse().spentLakh() * scale;
            double unspent = nz(f.purse().unspentLakh()) * scale;
            String colour = Franchise.fromCode(f.franchise())
                    .map(Franchise::primaryColour)
                    .orElse("#888");
            svg.append(text(left - 8, y + 16, "end", f.franchise()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" data-franchise=\"%s\" data-lakh=\"%d\" x=\"%d\" y=\"%d\" width=\"%.1f\""
                            + " height=\"20\" fill=\"%s\"><title>%s spent %s</title></rect>",
                    esc(f.franchise()),
                    f.purse().spentLakh(),
                    left,
                    y,
                    spent,
                    colour,
                    esc(f.franchise()),
                    esc(Lakh.of(f.purse().spentLakh()).display())));
            if (unspent > 0) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"unspent\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\""
                                + " fill-opacity=\"0.25\"><title>%s left %s</title></rect>",
                        left + spent,
                        y,
                        unspent,
                        colour,
                        esc(f.franchise()),
                        esc(Lakh.of(f.purse().unspentLakh()).display())));
            }
            svg.append(text(
                    (int) (left + spent + unspent) + 6,
                    y + 15,
                    "start",
                    Lakh.of(f.purse().spentLakh()).display()));
        }
        return svg.append("</svg>").toString();
    }

    /** The hammer price of every sold lot, lot by lot, each point in the buyer's colour; unsold lots on the axis. */
    static String prices(List<LotResult> lots) {
        int height = 260;
        int left = 60;
        int bottom = height - 30;
        int top = 12;
        int maxPrice = lots.stream()
                .filter(l -> l.priceLakh() != null)
                .mapToInt(LotResult::priceLakh)
                .max()
                .orElse(0);
        int maxLot = lots.stream().mapToInt(LotResult::lot).max().orElse(1);
        double xScale = (WIDTH - left - 20.0) / Math.max(1, maxLot);
        double yScale = maxPrice == 0 ? 0 : (bottom - top) / (double) maxPrice;
        StringBuilder svg = open("prices", height, "Prices over the auction");
        svg.append(axes(left, top, bottom));
        svg.append(text(left - 6, top + 10, "end", Lakh.of(maxPrice).display()));
        svg.append(text(left - 6, bottom, "end", "0"));
        svg.append(text(WIDTH - 20, height - 8, "end", "lot " + maxLot));
        StringBuilder line = new StringBuilder();
        for (LotResult lot : lots) {
            double x = left + lot.lot() * xScale;
            if (lot.priceLakh() == null) {
                if (lot.outcome().equals("UNSOLD")) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect class=\"unsold\" x=\"%.1f\" y=\"%d\" width=\"4\" height=\"4\" fill=\"#999\">"
                                    + "<title>lot %d %s unsold</title></rect>",
                            x - 2,
                            bottom - 2,
                            lot.lot(),
                            esc(lot.playerName())));
                }
                continue;
            }
            double y = bottom - lot.priceLakh() * yScale;
            line.append(line.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            String colour = Franchise.fromCode(lot.franchise())
                    .map(Franchise::primaryColour)
                    .orElse("#444");
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"point\" data-lot=\"%d\" data-lakh=\"%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\""
                            + " fill=\"%s\"><title>lot %d %s to %s for %s</title></circle>",
                    lot.lot(),
                    lot.priceLakh(),
                    x,
                    y,
                    colour,
                    lot.lot(),
                    esc(lot.playerName()),
                    esc(lot.franchise()),
                    esc(Lakh.of(lot.priceLakh()).display())));
        }
        if (!line.isEmpty()) {
            svg.append("<polyline fill=\"none\" stroke=\"#bbb\" stroke-width=\"1\" points=\"")
                    .append(line)
                    .append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** How many decisions took how long: one bar per bucket of {@link HistogramBucket}. */
    static String latency(List<HistogramBucket> buckets) {
        int height = 240;
        int left = 50;
        int bottom = height - 40;
        int top = 12;
        int max = buckets.stream().mapToInt(HistogramBucket::count).max().orElse(0);
        double slot = (WIDTH - left - 10.0) / Math.max(1, buckets.size());
        double yScale = max == 0 ? 0 : (bottom - top) / (double) max;
        StringBuilder svg = open("latency", height, "Decision latency");
        svg.append(axes(left, top, bottom));
        svg.append(text(left - 6, top + 10, "end", String.valueOf(max)));
        for (int i = 0; i < buckets.size(); i++) {
            HistogramBucket b = buckets.get(i);
            double x = left + i * slot + 3;
            double h = b.count() * yScale;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" data-count=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                            + " fill=\"#4e79a7\"><title>%s: %d decisions</title></rect>",
                    b.count(),
                    x,
                    bottom - h,
                    slot - 6,
                    h,
                    esc(b.label()),
                    b.count()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>",
                    x + (slot - 6) / 2,
                    bottom + 14 + (i % 2) * 11,
                    esc(b.label())));
        }
        return svg.append("</svg>").toString();
    }

    /** Each franchise's squad as a stack of its roles. */
    static String squads(List<FranchiseProfile> franchises) {
        int height = 260;
        int left = 40;
        int bottom = height - 50;
        int top = 12;
        int max = franchises.stream().mapToInt(f -> f.squad().players()).max().orElse(0);
        double slot = (WIDTH - left - 10.0) / Math.max(1, franchises.size());
        double yScale = max == 0 ? 0 : (bottom - top) / (double) max;
        StringBuilder svg = open("squads", height, "Squad make-up");
        svg.append(axes(left, top, bottom));
        svg.append(text(left - 6, top + 10, "end", String.valueOf(max)));
        Role[] roles = Role.values();
        for (int i = 0; i < franchises.size(); i++) {
            FranchiseProfile f = franchises.get(i);
            double x = left + i * slot + 4;
            double y = bottom;
            svg.append("<g class=\"stack\" data-franchise=\"")
                    .append(esc(f.franchise()))
                    .append("\" data-players=\"")
                    .append(f.squad().players())
                    .append("\">");
            Map<String, Integer> byRole = f.squad().byRole();
            for (int r = 0; r < roles.length; r++) {
                int n = byRole.getOrDefault(roles[r].name(), 0);
                if (n == 0) {
                    continue;
                }
                double h = n * yScale;
                y -= h;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"segment\" data-role=\"%s\" data-count=\"%d\" x=\"%.1f\" y=\"%.1f\""
                                + " width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d %s</title></rect>",
                        roles[r].name(),
                        n,
                        x,
                        y,
                        slot - 8,
                        h,
                        ROLE_COLOURS[r],
                        esc(f.franchise()),
                        n,
                        esc(roles[r].displayName())));
            }
            svg.append("</g>");
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>",
                    x + (slot - 8) / 2,
                    bottom + 14,
                    esc(f.franchise())));
        }
        for (int r = 0; r < roles.length; r++) {
            int x = left + r * 150;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                    x,
                    height - 22,
                    ROLE_COLOURS[r]));
            svg.append(text(x + 14, height - 13, "start", roles[r].displayName()));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String chart, int height, String title) {
        return new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" data-chart=\"")
                .append(chart)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\"><title>")
                .append(esc(title))
                .append("</title>");
    }

    private static String axes(int left, int top, int bottom) {
        return "<line x1=\"" + left + "\" y1=\"" + top + "\" x2=\"" + left + "\" y2=\"" + bottom
                + "\" stroke=\"#666\"/><line x1=\"" + left + "\" y1=\"" + bottom + "\" x2=\"" + (WIDTH - 10)
                + "\" y2=\"" + bottom + "\" stroke=\"#666\"/>";
    }

    private static String text(int x, int y, String anchor, String text) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + esc(text) + "</text>";
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    /** The report's four charts. */
    static List<String> all(AuctionReport report) {
        return List.of(
                spend(report.franchises()),
                prices(report.lots()),
                latency(report.decisionLatencyHistogram()),
                squads(report.franchises()));
    }
}
