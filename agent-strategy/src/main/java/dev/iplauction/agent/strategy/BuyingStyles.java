package dev.iplauction.agent.strategy;

import dev.iplauction.agent.strategy.BuyingStyle.Priorities;
import dev.iplauction.agent.strategy.BuyingStyle.RoleShares;
import dev.iplauction.contracts.Franchise;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ten franchises' buying styles, one each. Aggression runs, from the most to the least: SRH, RCB, PBKS, MI, KKR,
 * DC, LSG, GT, RR, CSK.
 */
public final class BuyingStyles {

    private static final Map<Franchise, BuyingStyle> STYLES = new EnumMap<>(Franchise.class);

    static {
        // CSK: experience over everything, patient, rarely chases a price; all-rounders and spin for Chepauk's
        // slow, turning pitch; never lets one player take a big slice of the purse.
        put(
                Franchise.CSK,
                "experience-heavy and patient: proven all-rounders and spinners for Chepauk",
                0.30,
                0.25,
                new Priorities(0.55, 0.05, 0.20, 0.20),
                new RoleShares(0.25, 0.10, 0.33, 0.32),
                0.50,
                0.70,
                0.18);
        // DC: a young side built around promise; takes chances on uncapped players.
        put(
                Franchise.DC,
                "youthful: backs young and uncapped talent",
                0.55,
                0.75,
                new Priorities(0.10, 0.50, 0.25, 0.15),
                new RoleShares(0.30, 0.12, 0.25, 0.33),
                0.55,
                0.50,
                0.20);
        // GT: a balanced squad at fair prices; pace and wrist-spin, no splurges.
        put(
                Franchise.GT,
                "balanced and value-minded: a fair price for a complete squad",
                0.45,
                0.40,
                new Priorities(0.30, 0.20, 0.15, 0.35),
                new RoleShares(0.27, 0.11, 0.27, 0.35),
                0.50,
                0.55,
                0.16);
        // KKR: all-rounders and mystery spin, the Eden Gardens way; bids firmly for them.
        put(
                Franchise.KKR,
                "spin-heavy all-rounders for Eden Gardens",
                0.60,
                0.55,
                new Priorities(0.20, 0.20, 0.30, 0.30),
                new RoleShares(0.22, 0.10, 0.38, 0.30),
                0.60,
                0.85,
                0.20);
        // LSG: balanced, value first, but will pay for a captain-class name.
        put(
                Franchise.LSG,
                "balanced and value-minded, with room for one big name",
                0.50,
                0.40,
                new Priorities(0.30, 0.15, 0.25, 0.30),
                new RoleShares(0.28, 0.13, 0.27, 0.32),
                0.55,
                0.45,
                0.22);
        // MI: star-hunters with a pace attack at the Wankhede; pays for the names at the top of the list.
        put(
                Franchise.MI,
                "star-hunting: the marquee names and a pace attack for the Wankhede",
                0.70,
                0.45,
                new Priorities(0.20, 0.15, 0.55, 0.10),
                new RoleShares(0.30, 0.12, 0.23, 0.35),
                0.60,
                0.35,
                0.25);
        // PBKS: the deepest purse and the boldest paddle; goes big on all-rounders and stars.
        put(
                Franchise.PBKS,
                "deep purse and bold: big bids for stars and all-rounders",
                0.80,
                0.65,
                new Priorities(0.25, 0.15, 0.40, 0.20),
                new RoleShares(0.28, 0.12, 0.30, 0.30),
                0.60,
                0.40,
                0.28);
        // RCB: batting first and loud about it; chases big hitters at the Chinnaswamy's short boundaries.
        put(
                Franchise.RCB,
                "batting-heavy and aggressive: big hitters for the Chinnaswamy",
                0.85,
                0.50,
                new Priorities(0.20, 0.15, 0.45, 0.20),
                new RoleShares(0.38, 0.12, 0.20, 0.30),
                0.65,
                0.35,
                0.22);
        // RR: Moneyball: young, uncapped, undervalued; walks away from bidding wars.
        put(
                Franchise.RR,
                "youth and value: young, uncapped, undervalued players",
                0.40,
                0.80,
                new Priorities(0.05, 0.45, 0.10, 0.40),
                new RoleShares(0.30, 0.12, 0.22, 0.36),
                0.45,
                0.55,
                0.15);
        // SRH: power hitting from ball one; the most aggressive paddle in the room, overseas firepower.
        put(
                Franchise.SRH,
                "aggressive power hitters: overseas firepower at any price",
                0.90,
                0.60,
                new Priorities(0.15, 0.20, 0.40, 0.25),
                new RoleShares(0.34, 0.12, 0.26, 0.28),
                0.70,
                0.30,
                0.24);
    }

    private BuyingStyles() {}

    /** The buying style of a franchise. */
    public static BuyingStyle of(Franchise franchise) {
        return STYLES.get(franchise);
    }

    /** All ten, in franchise order. */
    public static List<BuyingStyle> all() {
        return Arrays.stream(Franchise.values()).map(BuyingStyles::of).toList();
    }

    private static void put(
            Franchise franchise,
            String summary,
            double aggression,
            double riskTolerance,
            Priorities priorities,
            RoleShares roleShares,
            double overseasPreference,
            double spinPreference,
            double maxBidShare) {
        STYLES.put(
                franchise,
                new BuyingStyle(
                        franchise,
                        summary,
                        aggression,
                        riskTolerance,
                        priorities,
                        roleShares,
                        overseasPreference,
                        spinPreference,
                        maxBidShare,
                        franchise.homeGround()));
    }
}
