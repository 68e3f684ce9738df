package dev.iplauction.logservice.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of the combined log in one directory: the active {@code combined.log} and the rotated
 * {@code combined.NNNNNN.log}, numbered by generation (each rotation closes one generation and opens the next), so a
 * position in the log is a (generation, byte) pair that survives renames.
 */
public final class LogFiles {

    public static final String ACTIVE = "combined.log";
    static final String CHECKPOINT = "combined.checkpoint";
    private static final Pattern ROTATED = Pattern.compile("combined\\.(\\d{6,})\\.log");

    private final Path directory;

    public LogFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path active() {
        return directory.resolve(ACTIVE);
    }

    public Path rotated(long generation) {
        return directory.resolve(String.format("combined.%06d.log", generation));
    }

    Path checkpoint() {
        return directory.resolve(CHECKPOINT);
    }

    /** The generation a file name stands for, if it is a rotated file. */
    static OptionalLong generationOf(Path file) {
        Matcher m = ROTATED.matcher(file.getFileName().toString());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Rotated generations on disk, oldest first. */
    public List<Long> rotatedGenerations() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Long> generations = new ArrayList<>();
            files.forEach(f -> generationOf(f).ifPresent(generations::add));
            generations.sort(null);
            return generations;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Every file of the log in time order: rotated ones oldest first, then the active one. */
    public List<Path> inOrder() {
        List<Path> files = new ArrayList<>();
        for (long generation : rotatedGenerations()) {
            files.add(rotated(generation));
        }
        if (Files.exists(active())) {
            files.add(active());
        }
        return files;
    }
}
