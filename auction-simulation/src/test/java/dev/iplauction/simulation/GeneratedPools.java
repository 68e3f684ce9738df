package dev.iplauction.simulation;

import dev.iplauction.auction.catalogue.Catalogue;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.FranchiseSetup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Generated player pools for the simulations, shaped like the quick auction's. */
final class GeneratedPools {

    /** The quick auction's rules: squads of 4 to 8, at most 3 overseas, 4,000 lakh purses. */
    static final SquadRules QUICK_RULES = new SquadRules(4, 8, 3, Lakh.of(30));

    static final Lakh QUICK_PURSE = Lakh.of(4_000);

    private static final List<String> PACE = List.of("RIGHT ARM Fast", "RIGHT ARM Fast Medium", "LEFT ARM Fast");
    private static final List<String> SPIN =
            List.of("RIGHT ARM Off Spin", "RIGHT ARM Leg Spin", "LEFT ARM Slow Orthodox");

    private GeneratedPools() {}

    /**
     * A pool like the quick auction's: 60 capped players, 12 of them marquee, 12 batters, 8 keepers, 14 all-rounders
     * and 26 bowlers, 24 (40%) overseas, base prices ₹75 L to ₹2 Cr (mostly ₹2 Cr); the engine puts them in set order.
     */
    static List<Player> generatedQuick(long seed) {
        Random random = new Random(seed);
        List<Role> roles = new ArrayList<>();
        addRoles(roles, Role.BATTER, 12);
        addRoles(roles, Role.WICKETKEEPER, 8);
        addRoles(roles, Role.ALL_ROUNDER, 14);
        addRoles(roles, Role.BOWLER, 26);
        Collections.shuffle(roles, random);
        List<Boolean> overseas = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            overseas.add(i < 24);
        }
        Collections.shuffle(overseas, random);
        int[] prices = {200, 200, 200, 200, 200, 150, 150, 125, 100, 75};
        List<Player> players = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Role role = roles.get(i);
            boolean marquee = i < 12;
            String set = marquee ? "M" + (1 + i / 6) : setKind(role, random) + (1 + random.nextInt(2));
            int price = marquee ? 200 : prices[random.nextInt(prices.length)];
            Franchise team = random.nextInt(4) == 0 ? null : Franchise.values()[random.nextInt(10)];
            players.add(new Player(
                    "g" + i,
                    "Player " + i,
                    overseas.get(i) ? "Elsewhere" : "India",
                    overseas.get(i),
                    role,
                    true,
                    set,
                    Lakh.of(price),
                    team,
                    22 + random.nextInt(15),
                    "RHB",
                    bowlingStyle(role, random)));
        }
        return players;
    }

    private static void addRoles(List<Role> roles, Role role, int count) {
        for (int i = 0; i < count; i++) {
            roles.add(role);
        }
    }

    private static String setKind(Role role, Random random) {
        return switch (role) {
            case BATTER -> "BA";
            case WICKETKEEPER -> "WK";
            case ALL_ROUNDER -> "AL";
            case BOWLER -> random.nextBoolean() ? "FA" : "SP";
        };
    }

    private static String bowlingStyle(Role role, Random random) {
        if (role == Role.BATTER || role == Role.WICKETKEEPER) {
            return null;
        }
        return random.nextBoolean() ? PACE.get(random.nextInt(PACE.size())) : SPIN.get(random.nextInt(SPIN.size()));
    }

    /** A quick-auction catalogue of the generated pool: ten franchises with 4,000 lakh and one RTM card each. */
    static Catalogue quickCatalogue(long seed) {
        List<FranchiseSetup> franchises = new ArrayList<>();
        for (Franchise franchise : Franchise.values()) {
            franchises.add(new FranchiseSetup(franchise, QUICK_PURSE, 1, null));
        }
        return new Catalogue(
                "generated-" + seed,
                "Generated quick pool " + seed,
                LocalDate.of(2024, 11, 24),
                generatedQuick(seed),
                franchises,
                QUICK_RULES);
    }
}
