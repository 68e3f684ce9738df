package dev.iplauction.reports.render;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.reports.analysis.AuctionReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reports on disk: {@code <dir>/<CODE>/report.json}, {@code report.md} and {@code report.html}, and a replay's the same
 * under {@code <dir>/<CODE>/replay/}. Each file is written beside its place and moved in, so a reader never sees half
 * a report, and a rewrite (late telemetry) replaces the whole.
 */
public final class ReportFiles {

    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    private final Path root;

    public ReportFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes the live report's three files; returns their folder. */
    public Path write(AuctionReport report) {
        return writeTo(root.resolve(report.auctionCode()), report);
    }

    /** Writes a replay's report beside the live one, in {@code replay/}. */
    public Path writeReplay(AuctionReport report) {
        return writeTo(root.resolve(report.auctionCode()).resolve("replay"), report);
    }

    public static Path writeTo(Path dir, AuctionReport report) {
        try {
            Files.createDirectories(dir);
            // HTML and Markdown first, JSON last: a report is listed once its JSON is there, and then all three are.
            atomically(dir.resolve(HTML), HtmlReport.render(report));
            atomically(dir.resolve(MARKDOWN), MarkdownReport.render(report));
            atomically(dir.resolve(JSON), json(report));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report of " + report.auctionCode() + " to " + dir, e);
        }
    }

    public static String json(AuctionReport report) {
        return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
    }

    public static AuctionReport parse(String json) {
        return EventJson.mapper().readValue(json, AuctionReport.class);
    }

    private static void atomically(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** One of the live report's files as text, if the report has been written. */
    public Optional<String> read(String auctionCode, String file) {
        Path path = root.resolve(auctionCode).resolve(file);
        try {
            return Files.isRegularFile(path)
                    ? Optional.of(Files.readString(path, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    public boolean exists(String auctionCode) {
        return Files.isRegularFile(root.resolve(auctionCode).resolve(JSON));
    }

    /** The codes of every auction with a written report, in order. */
    public List<String> codes() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            List<String> codes = new ArrayList<>();
            dirs.filter(d -> Files.isRegularFile(d.resolve(JSON)))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .forEach(codes::add);
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the reports in " + root, e);
        }
    }
}
