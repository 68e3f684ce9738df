package dev.iplauction.agent.seat;

import dev.iplauction.agent.browser.RoomView;
import dev.iplauction.contracts.Player;
import java.util.List;
import java.util.Objects;

/**
 * The players still to come after the one on the block, in order, as a seat last read them on the pool page and kept
 * current since: each lot that opens drops its player and everyone listed before him (they have had their turn). When
 * to read the pool: in the lobby before the start (or at the first lot seen, for a seat that joins late), when the round changes (the accelerated round brings back the unsold, in
 * the house's order), and every {@link #READ_EVERY_LOTS} lots as a safety net. One read at a time; a failed read is
 * tried again a few lots later and the seat plays on with what it had. Not thread-safe: the seat's thread only.
 */
final class UpcomingPlayers {

    /** Lots between reads when nothing else calls for one. */
    static final int READ_EVERY_LOTS = 25;
    /** Lots to wait after a failed read before the next try. */
    static final int RETRY_AFTER_LOTS = 3;

    private List<Player> players = List.of();
    private String onBlock;
    private RoomView.Round readRound;
    private boolean reading;
    private int lotsSinceRead;

    /** A lot opened with this player on the block. */
    void lotOpened(String playerId) {
        onBlock = Objects.requireNonNull(playerId, "playerId");
        lotsSinceRead++;
        dropThroughOnBlock();
    }

    /** Whether to read the pool now, with this round showing: never while a read is under way. */
    boolean readDue(RoomView.Round round) {
        return !reading && (readRound == null || round != readRound || lotsSinceRead >= READ_EVERY_LOTS);
    }

    /** A read was asked for while this round showed. */
    void readStarted(RoomView.Round round) {
        reading = true;
        readRound = round;
        lotsSinceRead = 0;
    }

    /**
     * What the pool page listed (it never lists the player on the block when it was read). Lots may have opened since
     * it was read: the one on the block now, and everyone before him, are dropped.
     */
    void readDone(List<Player> read) {
        reading = false;
        players = List.copyOf(read);
        dropThroughOnBlock();
    }

    /** The read failed: keep what there is and try again in a few lots. */
    void readFailed() {
        reading = false;
        lotsSinceRead = Math.max(lotsSinceRead, READ_EVERY_LOTS - RETRY_AFTER_LOTS);
    }

    boolean reading() {
        return reading;
    }

    /** The players after the one on the block, in order; empty before the first read. */
    List<Player> list() {
        return players;
    }

    private void dropThroughOnBlock() {
        if (onBlock == null || players.isEmpty()) {
            return;
        }
        for (int i = 0; i < players.size(); i++) {
            if (players.get(i).id().equals(onBlock)) {
                players = List.copyOf(players.subList(i + 1, players.size()));
                return;
            }
        }
        // Not listed: read before he was known to come (an unsold player back after a main-round read): keep all.
    }
}
