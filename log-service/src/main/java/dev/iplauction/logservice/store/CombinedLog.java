package dev.iplauction.logservice.store;

import dev.iplauction.contracts.EventJson;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * combined.log on disk, written so that the file and the position in {@code agent.logs} move together.
 *
 * <p>Every line carries its partition and offset. A commit makes the data durable (fsync) and then writes a small
 * checkpoint atomically (temp file, fsync, rename): for each partition the position below which every record is in
 * the file, and where in the file the lines begin that are not yet covered by those positions (lines written ahead
 * of an older record still held for ordering, or written after the checkpoint). Opening the log recovers from that:
 * it cuts a torn last line, reads the lines from that place to the end, and reports which records past the positions
 * the file already holds, so the reader skips exactly those and writes the rest. See the module README.
 *
 * <p>Rotation by size renames the active file to its generation's name; rotated files beyond the count, or older
 * than the maximum age by the injected clock, are deleted, except any the recovery may still need to read.
 *
 * <p>Not thread-safe: one ingest thread writes; readers read the files on their own.
 */
public final class CombinedLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CombinedLog.class);

    /** How the log is kept: where, how big a file grows, how many files are kept, how long. */
    public record Settings(Path directory, long maxFileBytes, int maxFiles, Duration maxAge) {
        public Settings {
            if (maxFileBytes < 1024) {
                throw new IllegalArgumentException("a log file must be allowed at least 1 KB, not " + maxFileBytes);
            }
            if (maxFiles < 1) {
                throw new IllegalArgumentException("at least one log file must be kept, not " + maxFiles);
            }
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("the maximum age of log files must be positive, not " + maxAge);
            }
        }
    }

    /**
     * What the file already holds: per partition, the position to read {@code agent.logs} from (absent: from its
     * beginning), and the records at or past it that are already in the file and must not be written again.
     */
    public record Recovered(Map<Integer, Long> positions, Map<Integer, Set<Long>> alreadyWritten, int truncatedBytes) {
        public boolean isWritten(int partition, long offset) {
            Set<Long> written = alreadyWritten.get(partition);
            return written != null && written.contains(offset);
        }
    }

    private record Written(int partition, long offset, long generation, long position) {}

    record Checkpoint(long activeGeneration, long scanGeneration, long scanPosition, Map<Integer, Long> positions) {}

    private final Settings settings;
    private final LogFiles files;
    private final Clock clock;
    private final Recovered recovered;
    /** Lines written whose records the committed positions do not cover yet, in file order. */
    private final ArrayDeque<Written> uncovered = new ArrayDeque<>();

    private long activeGeneration;
    private long activeLength;
    private FileOutputStream activeFile;
    private final List<FileOutputStream> rotatedUnsynced = new java.util.ArrayList<>();
    private BufferedOutputStream out;
    /** The oldest generation the last checkpoint may send a recovery back to: never deleted. */
    private long protectedGeneration;

    private CombinedLog(Settings settings, Clock clock) {
        this.settings = settings;
        this.files = new LogFiles(settings.directory());
        this.clock = clock;
        try {
            Files.createDirectories(settings.directory());
            this.recovered = recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the combined log in " + settings.directory(), e);
        }
    }

    /** Opens the log in its directory, recovering from whatever a crash left there. */
    public static CombinedLog open(Settings settings, Clock clock) {
        return new CombinedLog(settings, clock);
    }

    public Recovered recovered() {
        return recovered;
    }

    public LogFiles files() {
        return files;
    }

    // ---- recovery ----

    private Recovered recover() throws IOException {
        Optional<Checkpoint> checkpoint = readCheckpoint();
        List<Long> rotated = files.rotatedGenerations();
        long newestRotated = rotated.isEmpty() ? -1 : rotated.getLast();
        // A crash between renaming the active file and the next checkpoint leaves the checkpoint one generation
        // behind: the active file is always newer than every rotated one.
        activeGeneration = Math.max(checkpoint.map(Checkpoint::activeGeneration).orElse(0L), newestRotated + 1);
        Map<Integer, Long> positions =
                new TreeMap<>(checkpoint.map(Checkpoint::positions).orElse(Map.of()));
        long scanGeneration = checkpoint
                .map(Checkpoint::scanGeneration)
                .orElse(rotated.isEmpty() ? activeGeneration : rotated.getFirst());
        long scanPosition = checkpoint.map(Checkpoint::scanPosition).orElse(0L);

        Map<Integer, Set<Long>> alreadyWritten = new HashMap<>();
        int truncated = 0;
        for (long generation : rotated) {
            if (generation >= scanGeneration) {
                long from = generation == scanGeneration ? scanPosition : 0;
                scan(files.rotated(generation), generation, from, positions, alreadyWritten, false);
            }
        }
        Path active = files.active();
        if (!Files.exists(active)) {
            Files.createFile(active);
        }
        long from = activeGeneration == scanGeneration ? scanPosition : 0;
        truncated = scan(active, activeGeneration, from, positions, alreadyWritten, true);

        protectedGeneration = scanGeneration;
        activeLength = Files.size(active);
        openActive();
        log.info(
                "combined log in {}: generation {}, {} bytes; reading agent.logs from {}; {} records past that already"
                        + " in the file{}",
                settings.directory(),
                activeGeneration,
                activeLength,
                positions.isEmpty() ? "the beginning" : positions,
                alreadyWritten.values().stream().mapToInt(Set::size).sum(),
                truncated > 0 ? "; cut " + truncated + " bytes of a torn last line" : "");
        return new Recovered(Map.copyOf(positions), alreadyWritten, truncated);
    }

    /**
     * Reads lines from {@code from} to the end; each whole line past the committed positions is already written.
     * In the active file the first line that is not whole and readable is where a crash tore it: the file is cut
     * there. Returns the number of bytes cut.
     */
    private int scan(
            Path file,
            long generation,
            long from,
            Map<Integer, Long> positions,
            Map<Integer, Set<Long>> alreadyWritten,
            boolean active)
            throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(from, Files.size(file)));
            bytes = in.readAllBytes();
        }
        int start = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            Optional<LineCodec.Position> line = end < 0 ? Optional.empty() : LineCodec.position(bytes, start, end);
            if (line.isEmpty()) {
                if (active) {
                    long cutAt = from + start;
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(cutAt);
                        channel.force(true);
                    }
                    return bytes.length - start;
                }
                log.warn("{}: skipping an unreadable line at byte {}", file, from + start);
            } else {
                LineCodec.Position l = line.get();
                Long position = positions.get(l.partition());
                if (position == null || l.offset() >= position) {
                    alreadyWritten
                            .computeIfAbsent(l.partition(), p -> new HashSet<>())
                            .add(l.offset());
                    uncovered.add(new Written(l.partition(), l.offset(), generation, from + start));
                }
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return 0;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private Optional<Checkpoint> readCheckpoint() throws IOException {
        Path file = files.checkpoint();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.mapper().readValue(Files.readAllBytes(file), Checkpoint.class));
        } catch (RuntimeException e) {
            // Written atomically, so this is not a crash; rather than guess, read the whole log again.
            log.warn("{} is unreadable ({}); reading every log file to find what is written", file, e.getMessage());
            return Optional.empty();
        }
    }

    // ---- writing ----

    private void openActive() throws IOException {
        activeFile = new FileOutputStream(files.active().toFile(), true);
        out = new BufferedOutputStream(activeFile, 1 << 16);
    }

    /** Writes the lines (to the operating system, not yet durable), rotating when the active file is full. */
    public void write(List<EncodedLine> lines) {
        try {
            for (EncodedLine line : lines) {
                byte[] bytes = line.bytes();
                if (activeLength > 0 && activeLength + bytes.length > settings.maxFileBytes()) {
                    rotate();
                }
                uncovered.add(new Written(line.partition(), line.offset(), activeGeneration, activeLength));
                out.write(bytes);
                activeLength += bytes.length;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + files.active(), e);
        }
    }

    /** {@link #write} for lines not yet encoded. */
    public void append(List<StoredLine> lines) {
        write(lines.stream().map(EncodedLine::of).toList());
    }

    private void rotate() throws IOException {
        out.flush();
        // Made durable (with the rename) by the next commit, before its checkpoint: rotation itself never waits.
        rotatedUnsynced.add(activeFile);
        Path rotated = files.rotated(activeGeneration);
        move(files.active(), rotated);
        Files.setLastModifiedTime(rotated, FileTime.from(clock.instant()));
        activeGeneration++;
        activeLength = 0;
        openActive();
        deleteOld();
    }

    /**
     * Makes everything written durable and records the positions it covers: for each partition, every record
     * below the position is in the file (or was dead-lettered). Positions only ever cover what is on disk.
     */
    public void commit(Map<Integer, Long> positions) {
        try {
            out.flush();
            if (!rotatedUnsynced.isEmpty()) {
                for (FileOutputStream rotated : rotatedUnsynced) {
                    rotated.getChannel().force(true);
                    rotated.close();
                }
                rotatedUnsynced.clear();
                forceDirectory();
            }
            activeFile.getChannel().force(false);
            writeCheckpoint(positions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + files.active(), e);
        }
    }

    private void writeCheckpoint(Map<Integer, Long> positions) throws IOException {
        while (!uncovered.isEmpty()) {
            Written first = uncovered.peekFirst();
            Long position = positions.get(first.partition());
            if (position == null || first.offset() >= position) {
                break;
            }
            uncovered.pollFirst();
        }
        Written first = uncovered.peekFirst();
        long scanGeneration = first == null ? activeGeneration : first.generation();
        long scanPosition = first == null ? activeLength : first.position();
        Checkpoint checkpoint =
                new Checkpoint(activeGeneration, scanGeneration, scanPosition, new TreeMap<>(positions));
        Path temp = files.directory().resolve(LogFiles.CHECKPOINT + ".tmp");
        try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(EventJson.mapper().writeValueAsBytes(checkpoint)));
            channel.force(true);
        }
        move(temp, files.checkpoint());
        protectedGeneration = scanGeneration;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(files.directory(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot sync a directory; the rename is still atomic.
        }
    }

    // ---- deleting ----

    /**
     * Deletes rotated files beyond the count (oldest first) and those older than the maximum age, never one the
     * last checkpoint could send a recovery back to. Returns how many were deleted.
     */
    public int deleteOld() {
        List<Long> rotated = files.rotatedGenerations();
        Instant oldestKept = clock.instant().minus(settings.maxAge());
        int keepRotated = settings.maxFiles() - 1;
        int deleted = 0;
        for (int i = 0; i < rotated.size(); i++) {
            long generation = rotated.get(i);
            if (generation >= protectedGeneration) {
                break;
            }
            Path file = files.rotated(generation);
            boolean overCount = rotated.size() - i > keepRotated;
            try {
                boolean tooOld = Files.getLastModifiedTime(file).toInstant().isBefore(oldestKept);
                if (overCount || tooOld) {
                    Files.deleteIfExists(file);
                    deleted++;
                    log.info("deleted {} ({})", file.getFileName(), overCount ? "over the file count" : "too old");
                }
            } catch (NoSuchFileException e) {
                // gone already
            } catch (IOException e) {
                log.warn("could not delete {}: {}", file, e.getMessage());
            }
        }
        return deleted;
    }

    /** Bytes in the active file, written so far. */
    public long activeLength() {
        return activeLength;
    }

    public long activeGeneration() {
        return activeGeneration;
    }

    /** Closes the file without committing: what a crash leaves, for tests; a clean stop commits first. */
    @Override
    public void close() {
        try {
            for (FileOutputStream rotated : rotatedUnsynced) {
                rotated.close();
            }
            out.close();
        } catch (IOException e) {
            log.warn("could not close {}: {}", files.active(), e.getMessage());
        }
    }
}
