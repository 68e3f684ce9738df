package dev.iplauction.simulation;

import dev.iplauction.auction.rules.Auction;
import dev.iplauction.auction.rules.LotResult;
import dev.iplauction.auction.rules.Standing;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.SquadPlayer;
import dev.iplauction.contracts.auction.SquadPlayer.Acquisition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a simulated auction came to: every franchise's squad, spend, unspent purse, roles and overseas count, whether
 * the squad is one a franchise could take into a season, the prices paid and the most expensive players.
 *
 * @param method how the auction was played: always the same decision code as the agents, against the rules engine
 * @param franchises one per franchise, in franchise order
 * @param top the most expensive players bought at the auction (not retained), dearest first
 * @param spentLakh what the purses paid (the winning bids; under an overseas fee cap more than the players' fees)
 * @param openSlots the places the franchises could fill when the auction began: the squad maximum less each one's
 *     retained players
 * @param pursesLakh what the franchises' purses held when the auction began
 */
public record Summary(
        String method,
        String catalogue,
        long seed,
        String rating,
        String completion,
        int lots,
        int sold,
        int unsold,
        int rightToMatch,
        long spentLakh,
        int openSlots,
        long pursesLakh,
        List<String> refusals,
        List<FranchiseSummary> franchises,
        List<Sale> top) {

    static final String METHOD = "Simulated: the AI franchises' own decision code (RuleBasedStrategy: valuation,"
            + " budget, RTM; no LLM) against the auction house's rules engine (dev.iplauction.auction.rules.Auction)"
            + " directly; no browser, no clock, no Kafka.";

    /** Bowlers a squad needs to bowl its overs through a season, all-rounders aside. */
    static final int ENOUGH_BOWLERS = 6;

    /**
     * @param valid whether the squad is one to take into a season: within the squad limits, at most the overseas
     *     limit, a wicketkeeper, enough bowlers
     * @param problems what makes it invalid, in words
     * @param bought players bought at the auction (by bid or by right to match), dearest first
     * @param openSlots the places it could fill when the auction began
     * @param purseLakh its purse when the auction began
     */
    public record FranchiseSummary(
            Franchise franchise,
            int squadSize,
            int overseas,
            Map<Role, Integer> roles,
            long retainedLakh,
            long spentLakh,
            long unspentLakh,
            int openSlots,
            long purseLakh,
            int rtmUsed,
            boolean valid,
            List<String> problems,
            String style,
            List<Sale> bought,
            List<String> retained) {}

    /** One player bought. */
    public record Sale(
            String player,
            Role role,
            boolean overseas,
            boolean capped,
            String set,
            int basePriceLakh,
            int priceLakh,
            Franchise franchise,
            boolean rightToMatch) {}

    static Summary of(Auction auction, String catalogue, long seed, String rating, List<String> refusals) {
        SquadRules rules = auction.rules();
        Map<String, Integer> hammer = new HashMap<>();
        auction.results().stream()
                .filter(LotResult::sold)
                .forEach(r -> hammer.put(r.player().id(), r.price().value()));
        List<FranchiseSummary> franchises = new ArrayList<>();
        int openSlots = 0;
        long purses = 0;
        List<Sale> sales = new ArrayList<>();
        for (Franchise franchise : auction.franchises()) {
            Standing standing = auction.standing(franchise);
            Map<Role, Integer> roles = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                roles.put(role, 0);
            }
            List<Sale> bought = new ArrayList<>();
            List<String> retained = new ArrayList<>();
            long retainedSpend = 0;
            int rtm = 0;
            for (SquadPlayer member : standing.squad()) {
                Player player = member.player();
                roles.merge(player.role(), 1, Integer::sum);
                if (member.acquisition() == Acquisition.RETAINED) {
                    retained.add(player.name() + " (" + member.price().display() + ")");
                    retainedSpend += member.price().value();
                } else {
                    boolean byRtm = member.acquisition() == Acquisition.RIGHT_TO_MATCH;
                    rtm += byRtm ? 1 : 0;
                    Sale sale = new Sale(
                            player.name(),
                            player.role(),
                            player.overseas(),
                            player.capped(),
                            player.setCode(),
                            player.basePrice().value(),
                            hammer.getOrDefault(player.id(), member.price().value()),
                            franchise,
                            byRtm);
                    bought.add(sale);
                    sales.add(sale);
                }
            }
            bought.sort(Comparator.comparingInt(Sale::priceLakh).reversed());
            long spent = standing.spent().value();
            int slots = rules.maxSquad() - retained.size();
            long purse = standing.purse().value() + spent;
            openSlots += slots;
            purses += purse;
            List<String> problems = new ArrayList<>();
            if (standing.squadSize() < rules.minSquad() || standing.squadSize() > rules.maxSquad()) {
                problems.add(
                        "squad of " + standing.squadSize() + ", outside " + rules.minSquad() + "–" + rules.maxSquad());
            }
            if (standing.overseasCount() > rules.maxOverseas()) {
                problems.add(standing.overseasCount() + " overseas, more than " + rules.maxOverseas());
            }
            if (roles.get(Role.WICKETKEEPER) == 0) {
                problems.add("no wicketkeeper");
            }
            int bowlersNeeded = Math.min(ENOUGH_BOWLERS, Math.max(1, rules.minSquad() / 3));
            if (roles.get(Role.BOWLER) < bowlersNeeded) {
                problems.add(roles.get(Role.BOWLER) + " bowlers, fewer than " + bowlersNeeded);
            }
            franchises.add(new FranchiseSummary(
                    franchise,
                    standing.squadSize(),
                    standing.overseasCount(),
                    roles,
                    retainedSpend,
                    spent,
                    standing.purse().value(),
                    slots,
                    purse,
                    rtm,
                    problems.isEmpty(),
                    problems,
                    style(bought, spent),
                    bought,
                    retained));
        }
        sales.sort(Comparator.comparingInt(Sale::priceLakh).reversed());
        List<LotResult> results = auction.results();
        // A player unsold in the main round who sells in the accelerated one has two results; count players.
        long soldPlayers = results.stream().filter(LotResult::sold).count();
        long players = auction.setup().pool().size();
        return new Summary(
                METHOD,
                catalogue,
                seed,
                rating,
                auction.completionReason().map(Enum::name).orElse("NOT_COMPLETED"),
                results.size(),
                (int) soldPlayers,
                (int) (players - soldPlayers),
                (int) sales.stream().filter(Sale::rightToMatch).count(),
                sales.stream().mapToLong(Sale::priceLakh).sum(),
                openSlots,
                purses,
                List.copyOf(refusals),
                franchises,
                List.copyOf(sales.subList(0, Math.min(15, sales.size()))));
    }

    /** A franchise's spending in one line: how top-heavy, how foreign, how young its buying was. */
    static String style(List<Sale> bought, long spent) {
        if (bought.isEmpty()) {
            return "bought nobody";
        }
        long topThree = bought.stream().limit(3).mapToLong(Sale::priceLakh).sum();
        long overseas = bought.stream()
                .filter(Sale::overseas)
                .mapToLong(Sale::priceLakh)
                .sum();
        long uncapped = bought.stream().filter(s -> !s.capped()).count();
        return String.format(
                Locale.ROOT,
                "%d bought; top 3 took %d%% of the spend; %d%% on overseas players; %d uncapped; dearest %s",
                bought.size(),
                spent == 0 ? 0 : Math.round(100.0 * topThree / spent),
                spent == 0 ? 0 : Math.round(100.0 * overseas / spent),
                uncapped,
                bought.getFirst().player() + " "
                        + Lakh.of(bought.getFirst().priceLakh()).display());
    }

    /** The summary for a person: a table of the franchises, the top prices, each squad. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Simulated auction: ")
                .append(catalogue)
                .append(", seed ")
                .append(seed)
                .append("\n\n");
        md.append("> ").append(method).append(" Player rating: ").append(rating).append(".\n\n");
        md.append("Completion: ")
                .append(completion)
                .append("; ")
                .append(lots)
                .append(" lots, ")
                .append(sold)
                .append(" players sold, ")
                .append(unsold)
                .append(" unsold, ")
                .append(rightToMatch)
                .append(" by right to match; ")
                .append(cr(spentLakh))
                .append(" spent at the auction.");
        md.append(String.format(
                Locale.ROOT,
                " Of the %d places open when it began, %d were filled (%d%%); the purses held %s and paid %s (%d%%).",
                openSlots,
                sold,
                openSlots == 0 ? 0 : Math.round(100.0 * sold / openSlots),
                cr(pursesLakh),
                cr(spentLakh),
                pursesLakh == 0 ? 0 : Math.round(100.0 * spentLakh / pursesLakh)));
        md.append(
                refusals.isEmpty()
                        ? " The engine refused no move.\n\n"
                        : " The engine refused " + refusals.size() + " moves (listed at the end).\n\n");
        md.append("| team | squad | overseas | BAT | WK | AR | BOWL | retained | spent | unspent | RTM | valid |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FranchiseSummary f : franchises) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d | %d | %s | %s | %s | %d | %s |%n",
                    f.franchise().code(),
                    f.squadSize(),
                    f.overseas(),
                    f.roles().get(Role.BATTER),
                    f.roles().get(Role.WICKETKEEPER),
                    f.roles().get(Role.ALL_ROUNDER),
                    f.roles().get(Role.BOWLER),
                    cr(f.retainedLakh()),
                    cr(f.spentLakh()),
                    cr(f.unspentLakh()),
                    f.rtmUsed(),
                    f.valid() ? "yes" : "NO: " + String.join("; ", f.problems())));
        }
        md.append("\n## The ").append(top.size()).append(" highest prices\n\n");
        md.append(
                "| # | player | role | overseas | set | base | price | bought by |\n|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < top.size(); i++) {
            Sale s = top.get(i);
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s | %s | %s | %s | %s | %s%s |%n",
                    i + 1,
                    s.player(),
                    s.role().displayName(),
                    s.overseas() ? "yes" : "",
                    s.set(),
                    cr(s.basePriceLakh()),
                    cr(s.priceLakh()),
                    s.franchise().code(),
                    s.rightToMatch() ? " (RTM)" : ""));
        }
        md.append("\n## Squads\n");
        for (FranchiseSummary f : franchises) {
            md.append("\n### ")
                    .append(f.franchise().code())
                    .append(" — ")
                    .append(f.franchise().displayName())
                    .append("\n\n")
                    .append(f.style())
                    .append(".\n\n");
            if (!f.retained().isEmpty()) {
                md.append("Retained: ").append(String.join(", ", f.retained())).append(".\n\n");
            }
            md.append("Bought: ");
            List<String> names = new ArrayList<>();
            for (Sale s : f.bought()) {
                names.add(s.player() + " (" + shortRole(s.role()) + (s.overseas() ? ", overseas" : "") + ", "
                        + cr(s.priceLakh()) + (s.rightToMatch() ? ", RTM" : "") + ")");
            }
            md.append(String.join(", ", names)).append(".\n");
        }
        if (!refusals.isEmpty()) {
            md.append("\n## Moves the engine refused\n\n");
            refusals.forEach(r -> md.append("- ").append(r).append('\n'));
        }
        return md.toString();
    }

    static String cr(long lakh) {
        return String.format(Locale.ROOT, "₹%.2f Cr", lakh / 100.0);
    }

    private static String shortRole(Role role) {
        return switch (role) {
            case BATTER -> "BAT";
            case WICKETKEEPER -> "WK";
            case ALL_ROUNDER -> "AR";
            case BOWLER -> "BOWL";
        };
    }
}
