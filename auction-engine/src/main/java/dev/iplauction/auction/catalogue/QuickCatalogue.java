package dev.iplauction.auction.catalogue;

import dev.iplauction.auction.catalogue.CatalogueDocument.FranchiseEntry;
import dev.iplauction.auction.catalogue.CatalogueDocument.PlayerEntry;
import dev.iplauction.auction.catalogue.CatalogueDocument.RulesEntry;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.SquadRules;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The quick auction, for demos and end-to-end tests: 60 well-known players of the IPL 2025 list, small squads, small
 * purses, no retentions. Derived from the IPL 2025 catalogue by a fixed rule and shipped as {@code quick.json} (the
 * catalogue builder writes it; a test checks the file still follows the rule):
 *
 * <ol>
 *   <li>every player in the marquee sets (M1, M2: 12 players);
 *   <li>from the capped sets of each kind, the capped players ranked by base price (highest first), then IPL 2024
 *       matches (most first), then list order, taking the first {@link Quota#players()} of them but skipping an
 *       overseas player once {@link Quota#overseas()} overseas players of that kind are in: batters (BA) 9 with at most
 *       3 overseas, all-rounders (AL) 13 / 5, wicketkeepers (WK) 6 / 3, fast bowlers (FA) 15 / 4, spinners (SP) 5 / 4.
 * </ol>
 *
 * <p>The pool is in list order. On the IPL 2025 list this gives 12 batters, 8 wicketkeepers, 14 all-rounders and 26
 * bowlers, 24 of them (40%) overseas.
 */
final class QuickCatalogue {

    static final String ID = "quick";
    static final String NAME = "Quick auction";
    static final Lakh PURSE = Lakh.of(4_000);
    static final int RTM_CARDS = 1;
    static final SquadRules SQUAD_RULES = new SquadRules(4, 8, 3, Lakh.of(30));

    /** How many capped players of a kind of set to take, and how many of them may be overseas. */
    record Quota(String kind, int players, int overseas) {}

    static final List<Quota> QUOTAS = List.of(
            new Quota("BA", 9, 3),
            new Quota("AL", 13, 5),
            new Quota("WK", 6, 3),
            new Quota("FA", 15, 4),
            new Quota("SP", 5, 4));

    private static final Comparator<PlayerEntry> WELL_KNOWN_FIRST = Comparator.comparing(PlayerEntry::basePrice)
            .reversed()
            .thenComparing(Comparator.comparingInt(PlayerEntry::previousSeasonCapsOrZero)
                    .reversed());

    private QuickCatalogue() {}

    static CatalogueDocument from(CatalogueDocument ipl2025) {
        List<PlayerEntry> list = ipl2025.players();
        Set<String> chosen = new HashSet<>();
        list.stream()
                .filter(p -> kindOf(p).equals(Optional.of(SetCode.MARQUEE)))
                .forEach(p -> chosen.add(p.id()));
        for (Quota quota : QUOTAS) {
            // A stable sort: players equal on price and matches stay in list order.
            List<PlayerEntry> candidates = list.stream()
                    .filter(p -> p.capped() && kindOf(p).equals(Optional.of(quota.kind())))
                    .sorted(WELL_KNOWN_FIRST)
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
        List<PlayerEntry> players =
                list.stream().filter(p -> chosen.contains(p.id())).toList();
        List<FranchiseEntry> franchises = Arrays.stream(Franchise.values())
                .map(f -> new FranchiseEntry(f, PURSE, SQUAD_RULES.maxSquad(), SQUAD_RULES.maxOverseas(), RTM_CARDS))
                .toList();
        RulesEntry rules = new RulesEntry(
                SQUAD_RULES.minSquad(),
                SQUAD_RULES.maxSquad(),
                SQUAD_RULES.maxOverseas(),
                SQUAD_RULES.minBasePrice(),
                PURSE,
                CatalogueDocument.IPL_INCREMENTS,
                true,
                null);
        List<String> sets = ipl2025.sets().stream()
                .filter(set -> players.stream().anyMatch(p -> p.set().equals(set)))
                .toList();
        return new CatalogueDocument(
                CatalogueDocument.FORMAT,
                ID,
                NAME,
                ipl2025.auctionDate(),
                "Derived from ipl2025 by QuickCatalogue's rule: the marquee sets and the best-known capped players",
                rules,
                sets,
                franchises,
                List.of(),
                players);
    }

    private static Optional<String> kindOf(PlayerEntry player) {
        return SetCode.parse(player.set()).map(SetCode::kind);
    }
}
