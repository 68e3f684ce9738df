package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Player;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * How good a player is, as signals between 0 and 1. The default reads the market's own signals (base price, set,
 * capped status, IPL 2024 matches where known); a rating from a statistics profile can replace it.
 */
public interface PlayerRating {

    Rating rate(Player player);

    /**
     * How much better he has played at this franchise's home ground than elsewhere, 0 (no better, or unknown) to 1;
     * a franchise pays a little more for a player who suits its ground.
     */
    default double homeAdvantage(Player player, Franchise franchise) {
        return 0;
    }

    /** One line of what the rating rests on, for the LLM's prompt; empty when there is nothing to say. */
    default Optional<String> describe(Player player) {
        return Optional.empty();
    }

    /**
     * A player's signals.
     *
     * @param quality how good he is overall, which sets his fair price
     * @param starPower how much of a name he is: 1 for the marquee sets
     * @param experience how proven he is
     */
    record Rating(double quality, double starPower, double experience) {

        public Rating {
            requireSignal("quality", quality);
            requireSignal("starPower", starPower);
            requireSignal("experience", experience);
        }

        private static void requireSignal(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
            }
        }
    }

    /** The market's signals alone: base price, set and capped status. */
    static PlayerRating fromMarket() {
        return new MarketRating(player -> OptionalInt.empty());
    }

    /** The market's signals plus each player's IPL 2024 matches, by player id (players missing from the map: unknown). */
    static PlayerRating fromMarket(Map<String, Integer> ipl2024CapsById) {
        Map<String, Integer> caps = Map.copyOf(ipl2024CapsById);
        return fromMarket(player -> {
            Integer matches = caps.get(player.id());
            return matches == null ? OptionalInt.empty() : OptionalInt.of(matches);
        });
    }

    /** The market's signals plus IPL 2024 matches from any source. */
    static PlayerRating fromMarket(Function<Player, OptionalInt> ipl2024Caps) {
        return new MarketRating(ipl2024Caps);
    }
}
