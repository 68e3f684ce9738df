package dev.iplauction.auction.catalogue;

import dev.iplauction.contracts.Player;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * The order players come up in: the official set order, shuffled within each set by the auction's seed.
 *
 * <p>Marquee sets first (M1, M2, …); then round 1 of the capped sets BA1, AL1, WK1, FA1, SP1 and of the uncapped sets
 * UBA1, UAL1, UWK1, UFA1, USP1; then round 2 in the same order (BA2 … USP2), and so on while any set is left. A set that
 * does not exist in a round is skipped. Players whose set code is none of these come last, by set code.
 *
 * <p>Within a set the players, in the order given, are shuffled with {@code new Random(seed ^ setCode.hashCode())}: the
 * same seed always gives the same order, on any JVM.
 */
public final class LotOrder {

    private static final Comparator<String> SET_ORDER =
            Comparator.comparing(LotOrder::position).thenComparing(Comparator.naturalOrder());

    private LotOrder() {}

    /** Every player exactly once, in lot order. */
    public static List<Player> arrange(List<Player> players, long seed) {
        Map<String, List<Player>> sets = new LinkedHashMap<>();
        for (Player player : players) {
            Objects.requireNonNull(player, "player");
            sets.computeIfAbsent(setCodeOf(player), code -> new ArrayList<>()).add(player);
        }
        List<Player> lots = new ArrayList<>(players.size());
        sets.keySet().stream().sorted(SET_ORDER).forEach(code -> {
            List<Player> set = new ArrayList<>(sets.get(code));
            Collections.shuffle(set, new Random(seed ^ code.hashCode()));
            lots.addAll(set);
        });
        return List.copyOf(lots);
    }

    private static String setCodeOf(Player player) {
        return player.setCode() == null ? "" : player.setCode();
    }

    /**
     * Where a set comes: marquee sets by number, then each round's sets by round and kind, then anything else. Sets
     * of the same position (only the unknown ones) are ordered by code.
     */
    private static long position(String code) {
        Optional<SetCode> set = SetCode.parse(code);
        if (set.isEmpty()) {
            return Long.MAX_VALUE;
        }
        SetCode parsed = set.get();
        if (parsed.marquee()) {
            return parsed.round();
        }
        int kinds = SetCode.ROUND_KINDS.size();
        return 1_000L + (long) parsed.round() * kinds + SetCode.ROUND_KINDS.indexOf(parsed.kind());
    }
}
