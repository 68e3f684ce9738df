package dev.iplauction.agent.strategy;

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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Player pools for the simulations: generated ones, and the real IPL 2025 catalogue where it is on disk. */
final class SimulationPools {

    /** The quick auction's rules: squads of 4 to 8, at most 3 overseas, 4,000 lakh purses. */
    static final SquadRules QUICK_RULES = new SquadRules(4, 8, 3, Lakh.of(30));

    static final Lakh QUICK_PURSE = Lakh.of(4_000);

    static final Path CATALOGUE = Path.of("../auction-service/src/main/resources/catalogue/ipl2025.json");

    private static final List<String> KINDS = List.of("BA", "AL", "WK", "FA", "SP", "UBA", "UAL", "UWK", "UFA", "USP");
    private static final Pattern SET = Pattern.compile("(M|BA|AL|WK|FA|SP|UBA|UAL|UWK|UFA|USP)([0-9]+)");
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

    /** The official set order (marquee, then each round's sets by kind), shuffled within a set by the seed. */
    static List<Player> inSetOrder(List<Player> players, long seed) {
        Map<Long, List<Player>> sets = new TreeMap<>();
        Map<Long, String> codes = new LinkedHashMap<>();
        for (Player player : players) {
            long position = position(player.setCode());
            sets.computeIfAbsent(position, p -> new ArrayList<>()).add(player);
            codes.putIfAbsent(position, player.setCode());
        }
        List<Player> lots = new ArrayList<>();
        sets.forEach((position, set) -> {
            List<Player> shuffled = new ArrayList<>(set);
            Collections.shuffle(shuffled, new Random(seed ^ codes.get(position).hashCode()));
            lots.addAll(shuffled);
        });
        return lots;
    }

    private static long position(String code) {
        Matcher matcher = SET.matcher(code == null ? "" : code);
        if (!matcher.matches()) {
            return Long.MAX_VALUE;
        }
        int round = Integer.parseInt(matcher.group(2));
        if (matcher.group(1).equals("M")) {
            return round;
        }
        return 1_000L + (long) round * KINDS.size() + KINDS.indexOf(matcher.group(1));
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

        /**
         * The quick catalogue's pool, by the auction service's rule: the marquee players, then from each kind of
         * capped set the capped players by base price and IPL 2024 matches, up to a quota and an overseas allowance.
         */
        List<Player> quickPool() {
            record Quota(String kind, int players, int overseas) {}
            List<Quota> quotas = List.of(
                    new Quota("BA", 9, 3),
                    new Quota("AL", 13, 5),
                    new Quota("WK", 6, 3),
                    new Quota("FA", 15, 4),
                    new Quota("SP", 5, 4));
            Set<String> chosen = new HashSet<>();
            players.stream().filter(p -> kind(p.set()).equals("M")).forEach(p -> chosen.add(p.id()));
            for (Quota quota : quotas) {
                List<PlayerEntry> candidates = players.stream()
                        .filter(p -> p.capped() && kind(p.set()).equals(quota.kind()))
                        .sorted(Comparator.comparing(
                                        (PlayerEntry p) -> p.basePrice().value())
                                .reversed()
                                .thenComparing(Comparator.comparingInt(PlayerEntry::capsOrZero)
                                        .reversed()))
                        .toList();
                int taken = 0;
                int overseas = 0;
                for (PlayerEntry candidate : candidates) {
                    if (taken == quota.players()) {
                        break;
                    }
                    if (candidate.overseas()) {
                        if (overseas == quota.overseas()) {
                            continue;
                        }
                        overseas++;
                    }
                    chosen.add(candidate.id());
                    taken++;
                }
            }
            return players.stream()
                    .filter(p -> chosen.contains(p.id()))
                    .map(PlayerEntry::toPlayer)
                    .toList();
        }

        private static String kind(String set) {
            Matcher matcher = SET.matcher(set == null ? "" : set);
            return matcher.matches() ? matcher.group(1) : "";
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
