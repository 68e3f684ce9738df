package dev.iplauction.reports.render;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Role;
import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.AuctionReport.FranchisePerformance;
import dev.iplauction.reports.analysis.AuctionReport.HistogramBucket;
import dev.iplauction.reports.analysis.AuctionReport.LotResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of the report's charts, drawn on the server as inline SVG by the report template
 * (templates/reports/report.html): no script and no library to fetch, so a report opens the same from disk, offline,
 * as over HTTP. Each chart is an {@code <svg data-chart=…>}; each bar, point and segment has a class ({@code bar},
 * {@code point}, {@code segment}) and a {@code <title>} that a pointer shows. Only numbers and plain text here: the
 * template writes the markup and escapes every text.
 */
public final class SvgCharts {

    static final int WIDTH = 720;
    private static final String[] ROLE_COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private SvgCharts() {}

    /** A text at a point, anchored start, middle or end. */
    public record Label(String x, String y, String anchor, String text) {
        static Label of(double x, double y, String anchor, String text) {
            return new Label(n(x), n(y), anchor, text);
        }
    }

    /** A rectangle with its class, its data attributes (null: none) and pointer title. */
    public record Box(
            String cssClass, Data data, String x, String y, String width, String height, String fill, String title) {}

    /** The data attributes a test or a reader picks a shape by; null ones are not written. */
    public record Data(String franchise, Integer lakh, Integer count, String role) {
        static final Data NONE = new Data(null, null, null, null);
    }

    /** A point of the price chart. */
    public record Point(int lot, int lakh, String cx, String cy, String fill, String title) {}

    /** A franchise's stack of roles. */
    public record Stack(String franchise, int players, List<Box> segments) {}

    /** One chart: what the template draws, by kind. */
    public record Chart(
            String id,
            String caption,
            int height,
            boolean axes,
            int left,
            int top,
            int bottom,
            List<Box> boxes,
            List<Point> points,
            String line,
            List<Stack> stacks,
            List<Label> labels) {

        public int width() {
            return WIDTH;
        }

        public int right() {
            return WIDTH - 10;
        }
    }

    /** Spend by franchise: one bar each for what it spent, and beside it, fainter, what it left unspent. */
    static Chart spend(List<FranchisePerformance> franchises) {
        int row = 28;
        int left = 60;
        int height = Math.max(1, franchises.size()) * row + 30;
        int max = franchises.stream()
                .mapToInt(f -> f.purse().spentLakh() + nz(f.purse().unspentLakh()))
                .max()
                .orElse(0);
        double scale = max == 0 ? 0 : (WIDTH - left - 90.0) / max;
        List<Box> boxes = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < franchises.size(); i++) {
            FranchisePerformance f = franchises.get(i);
            int y = 10 + i * row;
            double spent = f.purse().spentLakh() * scale;
            double unspent = nz(f.purse().unspentLakh()) * scale;
            String colour = colour(f.franchise(), "#888");
            labels.add(Label.of(left - 8, y + 16, "end", f.franchise()));
            boxes.add(new Box(
                    "bar",
                    new Data(f.franchise(), f.purse().spentLakh(), null, null),
                    String.valueOf(left),
                    String.valueOf(y),
                    n(spent),
                    "20",
                    colour,
                    f.franchise() + " spent " + Lakh.of(f.purse().spentLakh()).display()));
            if (unspent > 0) {
                boxes.add(new Box(
                        "unspent",
                        Data.NONE,
                        n(left + spent),
                        String.valueOf(y),
                        n(unspent),
                        "20",
                        colour,
                        f.franchise() + " left "
                                + Lakh.of(f.purse().unspentLakh()).display()));
            }
            labels.add(Label.of(
                    (int) (left + spent + unspent) + 6,
                    y + 15,
                    "start",
                    Lakh.of(f.purse().spentLakh()).display()));
        }
        return new Chart(
                "spend", "Spend by franchise", height, false, left, 0, 0, boxes, List.of(), "", List.of(), labels);
    }

    /** The hammer price of every sold lot, lot by lot, each point in the buyer's colour; unsold lots on the axis. */
    static Chart prices(List<LotResult> lots) {
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
        List<Label> labels = new ArrayList<>(List.of(
                Label.of(left - 6, top + 10, "end", Lakh.of(maxPrice).display()),
                Label.of(left - 6, bottom, "end", "0"),
                Label.of(WIDTH - 20, height - 8, "end", "lot " + maxLot)));
        List<Box> unsold = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (LotResult lot : lots) {
            double x = left + lot.lot() * xScale;
            if (lot.priceLakh() == null) {
                if (lot.outcome().equals("UNSOLD")) {
                    unsold.add(new Box(
                            "unsold",
                            Data.NONE,
                            n(x - 2),
                            String.valueOf(bottom - 2),
                            "4",
                            "4",
                            "#999",
                            "lot " + lot.lot() + " " + lot.playerName() + " unsold"));
                }
                continue;
            }
            double y = bottom - lot.priceLakh() * yScale;
            line.append(line.isEmpty() ? "" : " ").append(n(x)).append(',').append(n(y));
            points.add(new Point(
                    lot.lot(),
                    lot.priceLakh(),
                    n(x),
                    n(y),
                    colour(lot.franchise(), "#444"),
                    "lot " + lot.lot() + " " + lot.playerName() + " to " + lot.franchise() + " for "
                            + Lakh.of(lot.priceLakh()).display()));
        }
        return new Chart(
                "prices",
                "Prices over the auction",
                height,
                true,
                left,
                top,
                bottom,
                unsold,
                points,
                line.toString(),
                List.of(),
                labels);
    }

    /** How many decisions took how long: one bar per bucket of {@link HistogramBucket}. */
    static Chart latency(List<HistogramBucket> buckets) {
        int height = 240;
        int left = 50;
        int bottom = height - 40;
        int top = 12;
        int max = buckets.stream().mapToInt(HistogramBucket::count).max().orElse(0);
        double slot = (WIDTH - left - 10.0) / Math.max(1, buckets.size());
        double yScale = max == 0 ? 0 : (bottom - top) / (double) max;
        List<Box> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        labels.add(Label.of(left - 6, top + 10, "end", String.valueOf(max)));
        for (int i = 0; i < buckets.size(); i++) {
            HistogramBucket b = buckets.get(i);
            double x = left + i * slot + 3;
            double h = b.count() * yScale;
            bars.add(new Box(
                    "bar",
                    new Data(null, null, b.count(), null),
                    n(x),
                    n(bottom - h),
                    n(slot - 6),
                    n(h),
                    "#4e79a7",
                    b.label() + ": " + b.count() + " decisions"));
            labels.add(Label.of(x + (slot - 6) / 2, bottom + 14 + (i % 2) * 11, "middle", b.label()));
        }
        return new Chart(
                "latency", "Decision latency", height, true, left, top, bottom, bars, List.of(), "", List.of(), labels);
    }

    /** Each franchise's squad as a stack of its roles. */
    static Chart squads(List<FranchisePerformance> franchises) {
        int height = 260;
        int left = 40;
        int bottom = height - 50;
        int top = 12;
        int max = franchises.stream().mapToInt(f -> f.squad().players()).max().orElse(0);
        double slot = (WIDTH - left - 10.0) / Math.max(1, franchises.size());
        double yScale = max == 0 ? 0 : (bottom - top) / (double) max;
        List<Label> labels = new ArrayList<>();
        labels.add(Label.of(left - 6, top + 10, "end", String.valueOf(max)));
        List<Stack> stacks = new ArrayList<>();
        Role[] roles = Role.values();
        for (int i = 0; i < franchises.size(); i++) {
            FranchisePerformance f = franchises.get(i);
            double x = left + i * slot + 4;
            double y = bottom;
            List<Box> segments = new ArrayList<>();
            Map<String, Integer> byRole = f.squad().byRole();
            for (int r = 0; r < roles.length; r++) {
                int count = byRole.getOrDefault(roles[r].name(), 0);
                if (count == 0) {
                    continue;
                }
                double h = count * yScale;
                y -= h;
                segments.add(new Box(
                        "segment",
                        new Data(null, null, count, roles[r].name()),
                        n(x),
                        n(y),
                        n(slot - 8),
                        n(h),
                        ROLE_COLOURS[r],
                        f.franchise() + ": " + count + " " + roles[r].displayName()));
            }
            stacks.add(new Stack(f.franchise(), f.squad().players(), segments));
            labels.add(Label.of(x + (slot - 8) / 2, bottom + 14, "middle", f.franchise()));
        }
        List<Box> legend = new ArrayList<>();
        for (int r = 0; r < roles.length; r++) {
            int x = left + r * 150;
            legend.add(new Box(
                    "legend",
                    Data.NONE,
                    String.valueOf(x),
                    String.valueOf(height - 22),
                    "10",
                    "10",
                    ROLE_COLOURS[r],
                    roles[r].displayName()));
            labels.add(Label.of(x + 14, height - 13, "start", roles[r].displayName()));
        }
        return new Chart(
                "squads", "Squad make-up", height, true, left, top, bottom, legend, List.of(), "", stacks, labels);
    }

    private static String colour(String franchise, String otherwise) {
        return Franchise.fromCode(franchise).map(Franchise::primaryColour).orElse(otherwise);
    }

    /** A coordinate: whole numbers as they are, others to a tenth (the SVG's precision). */
    private static String n(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    /** The report's four charts. */
    static List<Chart> all(AuctionReport report) {
        return List.of(
                spend(report.franchises()),
                prices(report.lots()),
                latency(report.decisionLatencyHistogram()),
                squads(report.franchises()));
    }
}
