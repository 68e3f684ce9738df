package dev.iplauction.agent.seat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.browser.RoomView.Round;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UpcomingPlayersTests {

    static Player player(String id) {
        return new Player(
                id, "Player " + id, "India", false, Role.BATTER, true, "M1", Lakh.of(50), null, 30, null, null);
    }

    static List<Player> players(String... ids) {
        return java.util.Arrays.stream(ids).map(UpcomingPlayersTests::player).toList();
    }

    static List<String> ids(UpcomingPlayers upcoming) {
        return upcoming.list().stream().map(Player::id).toList();
    }

    @Test
    void theFirstLotAsksForARead_andUntilItComesNothingIsKnown() {
        var upcoming = new UpcomingPlayers();
        upcoming.lotOpened("1");

        assertThat(upcoming.readDue(Round.MAIN)).isTrue();
        upcoming.readStarted(Round.MAIN);
        assertThat(upcoming.readDue(Round.MAIN)).as("one read at a time").isFalse();
        assertThat(upcoming.list()).isEmpty();
    }

    @Test
    void aReadListsThePlayersAfterTheOneOnTheBlock_evenWhenLotsOpenedWhileItWasUnderWay() {
        var upcoming = new UpcomingPlayers();
        upcoming.lotOpened("1");
        upcoming.readStarted(Round.MAIN);
        // Read while lot 1 was on the block (he is not in the pool); lots 2 and 3 opened before the answer came.
        upcoming.lotOpened("2");
        upcoming.lotOpened("3");
        upcoming.readDone(players("2", "3", "4", "5", "6"));

        assertThat(ids(upcoming)).containsExactly("4", "5", "6");
    }

    @Test
    void eachLotDropsItsPlayerAndEveryoneBeforeHim() {
        var upcoming = new UpcomingPlayers();
        upcoming.lotOpened("1");
        upcoming.readStarted(Round.MAIN);
        upcoming.readDone(players("2", "3", "4", "5", "6"));

        upcoming.lotOpened("2");
        assertThat(ids(upcoming)).containsExactly("3", "4", "5", "6");
        // Lot 3 was missed (no view showed it): lot 4 still leaves only those after him.
        upcoming.lotOpened("4");
        assertThat(ids(upcoming)).containsExactly("5", "6");
        // A player not listed (he went unsold after the read and is back in the accelerated round) changes nothing.
        upcoming.lotOpened("99");
        assertThat(ids(upcoming)).containsExactly("5", "6");
    }

    @Test
    void theMainRoundsListEndsWithTheUnsoldWhoComeBackInTheAcceleratedRound() {
        var upcoming = new UpcomingPlayers();
        upcoming.lotOpened("3");
        upcoming.readStarted(Round.MAIN);
        // The pool in the main round: the rest of the round (4, 5), then the unsold so far (1, 2).
        upcoming.readDone(players("4", "5", "1", "2"));
        upcoming.lotOpened("4");
        upcoming.lotOpened("5");
        assertThat(ids(upcoming)).containsExactly("1", "2");

        // The accelerated round starts: a new read is due at once, and meanwhile the list goes on being kept.
        assertThat(upcoming.readDue(Round.MAIN)).isFalse();
        upcoming.lotOpened("1");
        assertThat(upcoming.readDue(Round.ACCELERATED)).isTrue();
        assertThat(ids(upcoming)).containsExactly("2");
        upcoming.readStarted(Round.ACCELERATED);
        upcoming.readDone(players("2", "3"));
        assertThat(ids(upcoming)).containsExactly("2", "3");
        assertThat(upcoming.readDue(Round.ACCELERATED)).isFalse();
    }

    @Test
    void aRoundChangeDuringARead_asksForAnotherOnceItIsDone() {
        var upcoming = new UpcomingPlayers();
        upcoming.lotOpened("1");
        upcoming.readStarted(Round.MAIN);
        upcoming.lotOpened("2");
        assertThat(upcoming.readDue(Round.ACCELERATED)).isFalse();
        upcoming.readDone(players("2", "3"));

        assertThat(upcoming.readDue(Round.ACCELERATED)).isTrue();
    }

    @Test
    void theSafetyNetReadsAgainEveryTwentyFiveLots() {
        var upcoming = new UpcomingPlayers();
        upcoming.lotOpened("0");
        upcoming.readStarted(Round.MAIN);
        upcoming.readDone(IntStream.rangeClosed(1, 60)
                .mapToObj(String::valueOf)
                .map(UpcomingPlayersTests::player)
                .toList());

        for (int lot = 1; lot < UpcomingPlayers.READ_EVERY_LOTS; lot++) {
            upcoming.lotOpened(String.valueOf(lot));
            assertThat(upcoming.readDue(Round.MAIN)).as("after lot %d", lot).isFalse();
        }
        upcoming.lotOpened(String.valueOf(UpcomingPlayers.READ_EVERY_LOTS));
        assertThat(upcoming.readDue(Round.MAIN)).isTrue();
        assertThat(upcoming.list()).hasSize(60 - UpcomingPlayers.READ_EVERY_LOTS);
    }

    @Test
    void aFailedReadKeepsTheListAndIsTriedAgainAFewLotsLater() {
        var upcoming = new UpcomingPlayers();
        upcoming.lotOpened("0");
        upcoming.readStarted(Round.MAIN);
        upcoming.readDone(players("1", "2", "3", "4", "5", "6", "7"));
        upcoming.lotOpened("1");
        upcoming.readStarted(Round.MAIN);
        upcoming.readFailed();

        assertThat(ids(upcoming)).containsExactly("2", "3", "4", "5", "6", "7");
        for (int i = 1; i < UpcomingPlayers.RETRY_AFTER_LOTS; i++) {
            upcoming.lotOpened(String.valueOf(i + 1));
            assertThat(upcoming.readDue(Round.MAIN)).isFalse();
        }
        upcoming.lotOpened(String.valueOf(UpcomingPlayers.RETRY_AFTER_LOTS + 1));
        assertThat(upcoming.readDue(Round.MAIN)).isTrue();
    }
}
