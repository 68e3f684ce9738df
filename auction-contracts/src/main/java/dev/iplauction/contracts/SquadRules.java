package dev.iplauction.contracts;

/**
 * The squad limits of an auction. IPL's are 18 to 25 players, at most 8 overseas, and the lowest base price is 30
 * lakh; a custom auction (a quick game with a small pool) may set its own.
 */
public record SquadRules(int minSquad, int maxSquad, int maxOverseas, Lakh minBasePrice) {

    public static final SquadRules IPL = new SquadRules(18, 25, 8, Lakh.of(30));

    public SquadRules {
        if (minSquad < 0 || maxSquad < 1 || minSquad > maxSquad) {
            throw new IllegalArgumentException(
                    "squad limits must satisfy 0 <= minSquad <= maxSquad and maxSquad >= 1, got " + minSquad + ".."
                            + maxSquad);
        }
        if (maxOverseas < 0 || maxOverseas > maxSquad) {
            throw new IllegalArgumentException(
                    "maxOverseas must be between 0 and maxSquad (" + maxSquad + "), got " + maxOverseas);
        }
        if (minBasePrice == null || minBasePrice.value() < 1) {
            throw new IllegalArgumentException("minBasePrice must be at least 1 lakh");
        }
    }
}
