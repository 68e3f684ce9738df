package dev.iplauction.logservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.kafkatest.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CombinedLogTests {

    private static final Instant T0 = Instant.parse("2024-11-24T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private CombinedLog open(long maxBytes, int maxFiles) {
        return CombinedLog.open(new CombinedLog.Settings(dir, maxBytes, maxFiles, Duration.ofDays(7)), clock);
    }

    private CombinedLog open() {
        return open(10 * 1024 * 1024, 5);
    }

    private static StoredLine line(int partition, long offset) {
        return new StoredLine(
                T0.plusMillis(offset),
                "INFO",
                "CSK",
                "ABCD12",
                "dev.iplauction.Test",
                null,
                "line " + partition + "/" + offset,
                Map.of("lot", "1"),
                partition,
                offset);
    }

    private static List<StoredLine> lines(int partition, long fromInclusive, long toExclusive) {
        return LongStream.range(fromInclusive, toExclusive)
                .mapToObj(o -> line(partition, o))
                .toList();
    }

    private List<StoredLine> onDisk() throws IOException {
        List<StoredLine> all = new ArrayList<>();
        for (Path file : new LogFiles(dir).inOrder()) {
            for (String text : Files.readAllLines(file)) {
                all.add(LineCodec.decode(text).orElseThrow(() -> new AssertionError("unreadable: " + text)));
            }
        }
        return all;
    }

    @Test
    void aCrashBetweenWritingAndCommittingLeavesTheWrittenLinesKnownSoNoneIsWrittenTwice() throws IOException {
        CombinedLog log = open();
        log.append(lines(0, 0, 5));
        log.append(lines(1, 0, 2));
        log.commit(Map.of(0, 5L, 1, 2L));
        log.append(lines(0, 5, 10));
        log.close(); // the crash: written, never committed

        CombinedLog.Recovered recovered = open().recovered();

        assertThat(recovered.positions()).containsEntry(0, 5L).containsEntry(1, 2L);
        assertThat(recovered.alreadyWritten().get(0)).containsExactlyInAnyOrder(5L, 6L, 7L, 8L, 9L);
        assertThat(recovered.alreadyWritten().getOrDefault(1, java.util.Set.of()))
                .isEmpty();
        assertThat(onDisk()).hasSize(12);
    }

    @Test
    void aLineWrittenAheadOfAnOlderHeldRecordIsRememberedAcrossTwoCrashes() {
        CombinedLog log = open();
        log.append(lines(0, 0, 10));
        log.append(List.of(line(0, 11))); // 11 is earlier in time than 10, which is still held for ordering
        log.commit(Map.of(0, 10L));
        log.close();

        CombinedLog second = open();
        assertThat(second.recovered().positions()).containsEntry(0, 10L);
        assertThat(second.recovered().alreadyWritten().get(0)).containsExactly(11L);
        second.commit(Map.of(0, 10L)); // nothing re-read yet; the checkpoint must still point back at line 11
        second.close();

        CombinedLog third = open();
        assertThat(third.recovered().alreadyWritten().get(0)).containsExactly(11L);
        third.append(List.of(line(0, 10)));
        third.commit(Map.of(0, 12L));
        third.close();

        CombinedLog fourth = open();
        assertThat(fourth.recovered().positions()).containsEntry(0, 12L);
        assertThat(fourth.recovered().alreadyWritten().getOrDefault(0, java.util.Set.of()))
                .isEmpty();
    }

    @Test
    void aTornLastLineIsCutAndTheWholeLinesStay() throws IOException {
        CombinedLog log = open();
        log.append(lines(0, 0, 3));
        log.commit(Map.of(0, 3L));
        log.append(lines(0, 3, 4));
        log.close();
        String torn = "{\"at\":\"2024-11-24T10:00:00.004Z\",\"level\":\"IN";
        Files.writeString(dir.resolve("combined.log"), torn, StandardOpenOption.APPEND);

        CombinedLog.Recovered recovered = open().recovered();

        assertThat(recovered.truncatedBytes()).isEqualTo(torn.length());
        assertThat(recovered.alreadyWritten().get(0)).containsExactly(3L);
        assertThat(Files.readString(dir.resolve("combined.log"))).endsWith("\n");
        assertThat(onDisk()).extracting(StoredLine::offset).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aCrashJustAfterARotationRenameIsFollowed() throws IOException {
        CombinedLog log = open();
        log.append(lines(0, 0, 5));
        log.commit(Map.of(0, 3L)); // 3 and 4 written ahead
        log.close();
        // the crash came right after renaming the active file, before anything else
        Files.move(dir.resolve("combined.log"), new LogFiles(dir).rotated(0));

        CombinedLog reopened = open();

        assertThat(reopened.activeGeneration()).isEqualTo(1);
        assertThat(reopened.recovered().alreadyWritten().get(0)).containsExactlyInAnyOrder(3L, 4L);
        assertThat(Files.size(dir.resolve("combined.log"))).isZero();
    }

    @Test
    void withoutACheckpointEveryLineInEveryFileCountsAsWritten() throws IOException {
        CombinedLog log = open(2048, 10);
        log.append(lines(2, 0, 40));
        log.commit(Map.of(2, 40L));
        log.close();
        Files.delete(dir.resolve("combined.checkpoint"));

        CombinedLog.Recovered recovered = open(2048, 10).recovered();

        assertThat(recovered.positions()).isEmpty();
        assertThat(recovered.alreadyWritten().get(2))
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, 40).boxed().toList());
    }

    @Test
    void theActiveFileRotatesBySizeAndOnlyTheNewestFilesAreKept() throws IOException {
        CombinedLog log = open(2048, 3);
        long offset = 0;
        for (int batch = 0; batch < 20; batch++) {
            log.append(lines(0, offset, offset + 5));
            offset += 5;
            log.commit(Map.of(0, offset));
        }
        log.deleteOld();

        List<Path> files = new LogFiles(dir).inOrder();
        assertThat(files).hasSize(3);
        assertThat(files.getLast().getFileName()).hasToString("combined.log");
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(2048);
        }
        List<StoredLine> kept = onDisk();
        assertThat(kept.getLast().offset()).isEqualTo(offset - 1);
        assertThat(kept)
                .extracting(StoredLine::offset)
                .containsExactlyElementsOf(LongStream.range(kept.getFirst().offset(), offset)
                        .boxed()
                        .toList());
    }

    @Test
    void rotatedFilesAreDeletedOnceOlderThanTheMaximumAgeByTheClock() throws IOException {
        CombinedLog log = open(2048, 100);
        log.append(lines(0, 0, 30)); // rotates a few times at T0
        log.commit(Map.of(0, 30L));
        int rotatedAtT0 = new LogFiles(dir).rotatedGenerations().size();
        assertThat(rotatedAtT0).isGreaterThan(1);

        clock.advance(Duration.ofDays(3));
        log.append(lines(0, 30, 60)); // and a few more three days later
        log.commit(Map.of(0, 60L));
        int rotated = new LogFiles(dir).rotatedGenerations().size();

        clock.advance(Duration.ofDays(4).minusMillis(1));
        assertThat(log.deleteOld()).isZero(); // seven days less a millisecond
        clock.advance(Duration.ofMillis(2));
        assertThat(log.deleteOld()).isEqualTo(rotatedAtT0);
        assertThat(new LogFiles(dir).rotatedGenerations()).hasSize(rotated - rotatedAtT0);
        clock.advance(Duration.ofDays(3));
        log.deleteOld();
        assertThat(new LogFiles(dir).rotatedGenerations()).isEmpty();
        assertThat(dir.resolve("combined.log")).exists();
    }

    @Test
    void aFileTheCheckpointStillPointsIntoIsNeverDeleted() throws IOException {
        CombinedLog log = open(2048, 2);
        log.append(List.of(line(0, 1))); // 1 written ahead of 0, which is held
        log.commit(Map.of(0, 0L));
        log.append(lines(1, 0, 40)); // several rotations on another partition
        log.commit(Map.of(0, 0L, 1, 40L));
        log.deleteOld();

        assertThat(new LogFiles(dir).rotated(0)).exists();
        log.close();
        assertThat(open(2048, 2).recovered().alreadyWritten().get(0)).containsExactly(1L);
        assertThat(new String(Files.readAllBytes(new LogFiles(dir).rotated(0)), StandardCharsets.UTF_8))
                .contains("line 0/1");
    }
}
