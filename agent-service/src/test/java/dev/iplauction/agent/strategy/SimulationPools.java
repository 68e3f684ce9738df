package dev.iplauction.agent.strategy;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.catalogue.LotOrder;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Player pools for the simulations: generated ones, and the real IPL 2025 catalogue where it is on disk. */
final class SimulationPools {

    /** The quick auction's rules: squads of 4 to 8, at most 3 overseas, 4,000 lakh purses. */
    static final SquadRules QUICK_RULES = new SquadRules(4, 8, 3, Lakh.of(30));

    static final Lakh QUICK_PURSE = Lakh.of(4_000);

    static final Path CATALOGUE = Path.of("../auction-service/src/main/resources/catalogue/ipl2025.json");

    private static final List<String> PACE = List.of("RIGHT ARM Fast", "RIGHT ARM Fast Medium", "LEFT ARM Fast");
    private static final List<String> SPIN =
            List.of("RIGHT ARM Off Spin", "RIGHT ARM Leg Spin", "LEFT ARM Slow Orthodox");

    private SimulationPools() {}

    /**
     * A pool like the quick auction's: 60 capped players, 12 of them marquee, 12 batters, 8 keepers, 14 all-rounders
     * and 26 bowlers, 24 (40%) overseas, base prices ₹75 L to ₹2 Cr (mostly ₹2 Cr), in set order.
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
        return inSetOrder(players, seed);
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

    /** The official set order, shuffled within a set by the seed: the auction house's own {@link LotOrder}. */
    static List<Player> inSetOrder(List<Player> players, long seed) {
        return LotOrder.arrange(players, seed);
    }

    /** The shipped IPL 2025 catalogue, if the auction service's resources are beside this module. */
    static Optional<Catalogue> catalogue() {
        if (!Files.isRegularFile(CATALOGUE)) {
            return Optional.empty();
        }
        return Optional.of(EventJson.mapper().readValue(CATALOGUE.toFile(), Catalogue.class));
    }

    /** The parts of {@code ipl2025.json} a simulation needs. */
    record Catalogue(
            int startingPurse,
            SquadRules squadRules,
            List<FranchiseEntry> franchises,
            List<RetainedEntry> retained,
            List<PlayerEntry> players) {

        List<Player> auctionPlayers() {
            return players.stream().map(PlayerEntry::toPlayer).toList();
        }

        Map<String, Integer> ipl2024Caps() {
            Map<String, Integer> caps = new LinkedHashMap<>();
            players.stream().filter(p -> p.ipl2024Caps() != null).forEach(p -> caps.put(p.id(), p.ipl2024Caps()));
            return caps;
        }

        List<Player> retainedBy(Franchise franchise) {
            return retained.stream()
                    .filter(r -> r.franchise() == franchise)
                    .map(RetainedEntry::toPlayer)
                    .toList();
        }

        /** The quick catalogue's pool, as the auction house chooses it. */
        List<Player> quickPool() {
            return CatalogueRepository.fromClasspath().quick().players();
        }
    }

    record FranchiseEntry(Franchise franchise, Lakh purse, int rtmCards) {}

    record RetainedEntry(
            String id,
            Franchise franchise,
            String name,
            String country,
            boolean overseas,
            Role role,
            boolean capped,
            Lakh retentionPrice,
            Integer age) {

        Player toPlayer() {
            return new Player(
                    id, name, country, overseas, role, capped, "Retained", retentionPrice, franchise, age, null, null);
        }
    }

    record PlayerEntry(
            String id,
            String set,
            String name,
            String country,
            boolean overseas,
            Role role,
            boolean capped,
            Lakh basePrice,
            Franchise team2024,
            Integer ipl2024Caps,
            Integer age,
            String battingHand,
            String bowlingStyle) {

        Player toPlayer() {
            return new Player(
                    id,
                    name,
                    country,
                    overseas,
                    role,
                    capped,
                    set,
                    basePrice,
                    team2024,
                    age,
                    battingHand,
                    bowlingStyle);
        }

        int capsOrZero() {
            return ipl2024Caps == null ? 0 : ipl2024Caps;
        }
    }
}
