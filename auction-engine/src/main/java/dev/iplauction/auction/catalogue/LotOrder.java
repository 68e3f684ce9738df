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
 * The order players come up in: the catalogue's set order, shuffled within each set by the auction's seed.
 *
 * <p>The IPL's usual order, which {@link #arrange(List, long)} uses: marquee sets first (M1, M2, …); then round 1 of
 * the capped sets BA1, AL1, WK1, FA1, SP1 and of the uncapped sets UBA1, UAL1, UWK1, UFA1, USP1; then round 2 in the
 * same order (BA2 … USP2), and so on while any set is left. A set that does not exist in a round is skipped. Players
 * whose set is not in the order come last, by set code.
 *
 * <p>Within a set the players, in the order given, are shuffled with {@code new Random(seed ^ setCode.hashCode())}: the
 * same seed always gives the same order, on any JVM.
 */
public final class LotOrder {

    private static final Comparator<String> STANDARD =
            Comparator.comparing(LotOrder::position).thenComparing(Comparator.naturalOrder());

    private LotOrder() {}

    /** Every player exactly once, in lot order, the sets in the IPL's usual order. */
    public static List<Player> arrange(List<Player> players, long seed) {
        return arrange(players, standardSetOrder(players), seed);
    }

    /** Every player exactly once, in lot order: the sets as {@code setOrder} lists them, then any others by code. */
    public static List<Player> arrange(List<Player> players, List<String> setOrder, long seed) {
        Map<String, List<Player>> sets = new LinkedHashMap<>();
        for (Player player : players) {
            Objects.requireNonNull(player, "player");
            sets.computeIfAbsent(setCodeOf(player), code -> new ArrayList<>()).add(player);
        }
        Comparator<String> order = Comparator.comparingInt((String code) -> {
                    int at = setOrder.indexOf(code);
                    return at < 0 ? Integer.MAX_VALUE : at;
                })
                .thenComparing(Comparator.naturalOrder());
        List<Player> lots = new ArrayList<>(players.size());
        sets.keySet().stream().sorted(order).forEach(code -> {
            List<Player> set = new ArrayList<>(sets.get(code));
            Collections.shuffle(set, new Random(seed ^ code.hashCode()));
            lots.addAll(set);
        });
        return List.copyOf(lots);
    }

    /** The sets these players are in, in the IPL's usual order; codes that are no official set are left out. */
    public static List<String> standardSetOrder(List<Player> players) {
        return players.stream()
                .map(LotOrder::setCodeOf)
                .filter(code -> SetCode.parse(code).isPresent())
                .distinct()
                .sorted(STANDARD)
                .toList();
    }

    private static String setCodeOf(Player player) {
        return player.setCode() == null ? "" : player.setCode();
    }

    /** Where a set comes: marquee sets by number, then each round's sets by round and kind. */
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
