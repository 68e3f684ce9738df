package dev.iplauction.logservice.query;

import dev.iplauction.logservice.store.LineCodec;
import dev.iplauction.logservice.store.LogFiles;
import dev.iplauction.logservice.store.StoredLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Answers questions by reading combined.log and its rotated files in order, whole lines only (the line being written
 * is left for the next question). Files that ended before the range asked for are not opened.
 */
public final class LogSearch {

    /** A rotated file's time is when it was closed; records from a fast clock may be a little later. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final LogFiles files;

    public LogSearch(LogFiles files) {
        this.files = files;
    }

    /** The records, up to {@code limit}: the newest ones when more match. */
    record Page(List<StoredLine> records, int count, boolean truncated) {}

    record Summary(
            long total,
            Map<String, Long> byLevel,
            Map<String, Long> bySource,
            Instant first,
            Instant last,
            List<String> files) {}

    Page query(LogFilter filter, int limit) {
        ArrayDeque<StoredLine> newest = new ArrayDeque<>();
        boolean[] truncated = {false};
        scan(filter, line -> {
            newest.addLast(line);
            if (newest.size() > limit) {
                newest.removeFirst();
                truncated[0] = true;
            }
            return true;
        });
        return new Page(List.copyOf(newest), newest.size(), truncated[0]);
    }

    Summary summary(LogFilter filter) {
        Map<String, Long> byLevel = new TreeMap<>();
        Map<String, Long> bySource = new TreeMap<>();
        long[] total = {0};
        Instant[] range = {null, null};
        scan(filter, line -> {
            total[0]++;
            byLevel.merge(String.valueOf(line.level()), 1L, Long::sum);
            bySource.merge(String.valueOf(line.source()), 1L, Long::sum);
            if (range[0] == null || line.at().isBefore(range[0])) {
                range[0] = line.at();
            }
            if (range[1] == null || line.at().isAfter(range[1])) {
                range[1] = line.at();
            }
            return true;
        });
        List<String> names =
                files.inOrder().stream().map(p -> p.getFileName().toString()).toList();
        return new Summary(total[0], byLevel, bySource, range[0], range[1], names);
    }

    /** Every matching record in file order, to the sink, until it returns false. */
    void scan(LogFilter filter, Predicate<StoredLine> sink) {
        List<Path> inOrder = files.inOrder();
        long lastRotated = -1;
        for (int i = 0; i < inOrder.size(); i++) {
            Path file = inOrder.get(i);
            boolean active = file.equals(files.active());
            try {
                if (!active && filter.from() != null) {
                    Instant closed = Files.getLastModifiedTime(file).toInstant();
                    if (closed.plus(CLOCK_MARGIN).isBefore(filter.from())) {
                        continue;
                    }
                }
                if (!read(file, filter, sink)) {
                    return;
                }
                if (!active) {
                    lastRotated = Math.max(lastRotated, generation(file));
                }
            } catch (NoSuchFileException e) {
                if (active) {
                    // Rotated while we looked: read the generations that appeared since, then the new active file.
                    for (long generation : files.rotatedGenerations()) {
                        if (generation > lastRotated && !readQuietly(files.rotated(generation), filter, sink)) {
                            return;
                        }
                    }
                    readQuietly(files.active(), filter, sink);
                }
                // a rotated file deleted for its age while we looked: nothing left to read in it
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    private long generation(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring("combined.".length(), name.length() - ".log".length()));
    }

    private boolean readQuietly(Path file, LogFilter filter, Predicate<StoredLine> sink) {
        try {
            return read(file, filter, sink);
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean read(Path file, LogFilter filter, Predicate<StoredLine> sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            ByteArrayOutputStream carried = new ByteArrayOutputStream(512);
            int n;
            while ((n = in.read(buffer)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    String text;
                    if (carried.size() > 0) {
                        carried.write(buffer, start, i - start);
                        text = carried.toString(StandardCharsets.UTF_8);
                        carried.reset();
                    } else {
                        text = new String(buffer, start, i - start, StandardCharsets.UTF_8);
                    }
                    start = i + 1;
                    Optional<StoredLine> line = LineCodec.decode(text);
                    if (line.isPresent() && filter.matches(line.get()) && !sink.test(line.get())) {
                        return false;
                    }
                }
                carried.write(buffer, start, n - start);
            }
            return true; // a trailing part without its newline is a line still being written
        }
    }

    List<StoredLine> all(LogFilter filter) {
        List<StoredLine> out = new ArrayList<>();
        scan(filter, out::add);
        return out;
    }
}
