package dev.iplauction.auction.house;

import dev.iplauction.contracts.SquadRules;
import java.util.List;

/**
 * What to create an auction from: a catalogue, and optionally a custom setup on top of it (a smaller pool, other purses,
 * no retentions, other limits or clock windows). Null fields take the catalogue's or the house's defaults.
 *
 * @param catalogue "ipl2025" (the full mega auction) or "quick" (about 60 players, small squads)
 * @param retentions whether retained players and the purses after retentions apply (ipl2025 only; default true)
 * @param purseLakh one purse for every franchise instead of the catalogue's
 * @param playerIds only these players of the catalogue, in set order
 */
public record CreateAuction(
        String catalogue,
        String name,
        Boolean retentions,
        Integer purseLakh,
        Integer rtmCards,
        List<String> playerIds,
        SquadRules squadRules,
        Long bidWindowMillis,
        Long acceleratedWindowMillis,
        Long rtmWindowMillis,
        Long seed) {

    /** The longest auction name, in characters: it is shown on every page and carried by every report. */
    public static final int MAX_NAME_LENGTH = 60;

    /** The most players a custom pool may name (the largest catalogue has fewer). */
    public static final int MAX_PLAYER_IDS = 1_000;

    public static CreateAuction of(String catalogue) {
        return new CreateAuction(catalogue, null, null, null, null, null, null, null, null, null, null);
    }

    public CreateAuction withWindows(long bidWindowMillis, long acceleratedWindowMillis, long rtmWindowMillis) {
        return new CreateAuction(
                catalogue,
                name,
                retentions,
                purseLakh,
                rtmCards,
                playerIds,
                squadRules,
                bidWindowMillis,
                acceleratedWindowMillis,
                rtmWindowMillis,
                seed);
    }

    public CreateAuction withSeed(long seed) {
        return new CreateAuction(
                catalogue,
                name,
                retentions,
                purseLakh,
                rtmCards,
                playerIds,
                squadRules,
                bidWindowMillis,
                acceleratedWindowMillis,
                rtmWindowMillis,
                seed);
    }
}
