package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Player;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rating from what the auction list itself says about a player: the base price he chose (₹30 L to ₹2 Cr), the set
 * the organisers put him in (marquee sets M1, M2 hold the stars; BA1 comes before BA5), whether he is capped, and how
 * many IPL 2024 matches he played, where known. Every signal is monotonic: a higher base price, a marquee set, a cap
 * or more matches never lowers a rating, all else equal.
 */
final class MarketRating implements PlayerRating {

    /** The lowest and the highest base prices of the IPL list. */
    static final double LOWEST_BASE = 30;

    static final double HIGHEST_BASE = 200;

    /** IPL 2024 matches that count as a full season (a team plays 14 league games). */
    static final double FULL_SEASON = 14;

    private static final Pattern SET = Pattern.compile("(U?)([A-Z]+?)([0-9]{1,3})");

    private final Function<Player, OptionalInt> ipl2024Caps;

    MarketRating(Function<Player, OptionalInt> ipl2024Caps) {
        this.ipl2024Caps = Objects.requireNonNull(ipl2024Caps, "ipl2024Caps");
    }

    @Override
    public Rating rate(Player player) {
        double price = priceSignal(player.basePrice().value());
        boolean marquee = isMarquee(player.setCode());
        double set = setSignal(player.setCode());
        double capped = player.capped() ? 1 : 0;
        OptionalInt matches = ipl2024Caps.apply(player);
        double caps = matches.isPresent() ? clamp(matches.getAsInt() / FULL_SEASON) : (player.capped() ? 0.3 : 0.0);
        double quality = 0.50 * price + 0.25 * set + 0.10 * capped + 0.15 * caps;
        double starPower = marquee ? 1 : clamp(0.75 * price * (player.capped() ? 1 : 0.5) + 0.2 * caps);
        double age = player.age() == null ? 0.4 : clamp((player.age() - 19) / 14.0);
        double experience = 0.45 * caps + 0.30 * capped + 0.25 * age;
        return new Rating(clamp(quality), starPower, clamp(experience));
    }

    /** 0 at the lowest base price, 1 at ₹2 Cr and above, on a log scale. */
    static double priceSignal(int basePrice) {
        return clamp(Math.log(Math.max(basePrice, 1) / LOWEST_BASE) / Math.log(HIGHEST_BASE / LOWEST_BASE));
    }

    static boolean isMarquee(String setCode) {
        return setCode != null && setCode.matches("M[0-9]+");
    }

    /** 1 for a marquee set; 0.5 for the first set of a kind, falling with each later set; 0.2 for anything else. */
    static double setSignal(String setCode) {
        if (setCode == null) {
            return 0.2;
        }
        if (isMarquee(setCode)) {
            return 1;
        }
        Matcher matcher = SET.matcher(setCode);
        if (!matcher.matches()) {
            return 0.2;
        }
        int round = Integer.parseInt(matcher.group(3));
        return 0.5 / (1 + 0.5 * (Math.max(round, 1) - 1));
    }

    static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
