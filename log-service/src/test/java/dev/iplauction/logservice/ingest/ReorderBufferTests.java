package dev.iplauction.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTests {

    private static final Instant T0 = Instant.parse("2024-11-24T10:00:00Z");

    private record Rec(String name, Instant at) {}

    private final ReorderBuffer<Rec> buffer = new ReorderBuffer<>(Duration.ofSeconds(2), 1_000, r -> n(r.at()));

    private static long n(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static Rec rec(String name, long millis) {
        return new Rec(name, T0.plusMillis(millis));
    }

    private static List<String> names(List<Rec> recs) {
        return recs.stream().map(Rec::name).toList();
    }

    @Test
    void recordsFromSeveralSourcesComeOutInTimeOrderWhateverOrderTheyArrivedIn() {
        Instant now = T0.plusMillis(900);
        buffer.add(rec("CSK-3", 300), n(now));
        buffer.add(rec("auction-1", 100), n(now));
        buffer.add(rec("MI-2", 200), n(now));
        buffer.add(rec("CSK-4", 400), n(now));

        assertThat(buffer.release(n(now))).isEmpty(); // nothing is older than the window yet
        assertThat(names(buffer.release(n(T0.plusMillis(2_250))))).containsExactly("auction-1", "MI-2");
        assertThat(names(buffer.release(n(T0.plusMillis(3_000))))).containsExactly("CSK-3", "CSK-4");
        assertThat(buffer.size()).isZero();
    }

    @Test
    void aRecordLateByLessThanTheWindowStillTakesItsPlace() {
        buffer.add(rec("a", 1_000), n(T0.plusMillis(1_000)));
        buffer.add(rec("c", 1_200), n(T0.plusMillis(1_200)));
        assertThat(buffer.release(n(T0.plusMillis(2_900)))).isEmpty();
        buffer.add(rec("b-late", 1_100), n(T0.plusMillis(2_900))); // 1.8 s late

        assertThat(names(buffer.release(n(T0.plusMillis(3_500))))).containsExactly("a", "b-late", "c");
    }

    @Test
    void aRecordLaterThanTheWindowGoesOutAtOnceRatherThanBeingLost() {
        buffer.add(rec("a", 1_000), n(T0.plusMillis(1_000)));
        assertThat(names(buffer.release(n(T0.plusMillis(3_000))))).containsExactly("a");

        buffer.add(rec("very-late", 500), n(T0.plusMillis(9_000)));

        assertThat(names(buffer.release(n(T0.plusMillis(9_000))))).containsExactly("very-late");
    }

    @Test
    void aSenderWhoseClockRunsAheadIsHeldNoLongerThanTheWindow() {
        buffer.add(rec("future", 60_000), n(T0)); // a minute ahead of us
        buffer.add(rec("now", 10), n(T0.plusMillis(10)));

        assertThat(buffer.release(n(T0.plusMillis(1_999)))).isEmpty();
        assertThat(names(buffer.release(n(T0.plusMillis(2_000))))).containsExactly("now", "future");
    }

    @Test
    void equalTimesKeepTheirArrivalOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buffer.add(rec("r" + i, 5), n(T0));
            expected.add("r" + i);
        }
        assertThat(names(buffer.release(n(T0.plusSeconds(5))))).containsExactlyElementsOf(expected);
    }

    @Test
    void noMoreThanMaxHeldAreHeldTheOldestGoFirst() {
        ReorderBuffer<Rec> small = new ReorderBuffer<>(Duration.ofSeconds(2), 3, r -> n(r.at()));
        for (int i = 4; i >= 0; i--) {
            small.add(rec("r" + i, i), n(T0));
        }
        assertThat(names(small.release(n(T0)))).containsExactly("r0", "r1");
        assertThat(small.size()).isEqualTo(3);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new ReorderBuffer<Rec>(Duration.ofSeconds(-1), 1, r -> n(r.at())))
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> new ReorderBuffer<Rec>(Duration.ZERO, 0, r -> n(r.at())))
                .hasMessageContaining("at least one");
    }
}
