package dev.iplauction.simulation;

import dev.iplauction.agent.strategy.BudgetPlanner;
import dev.iplauction.agent.strategy.BuyingStyles;
import dev.iplauction.agent.strategy.PlayerRating;
import dev.iplauction.agent.strategy.ProfileRating;
import dev.iplauction.agent.strategy.RuleBasedStrategy;
import dev.iplauction.agent.strategy.Valuation;
import dev.iplauction.auction.catalogue.Catalogue;
import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.catalogue.InvalidCatalogueException;
import dev.iplauction.auction.rules.Auction;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulation command: {@code --catalogue ipl2025|ipl2026|quick|FILE} (default ipl2025; FILE a catalogue file), {@code --seed N} (default 1), {@code
 * --out DIR} (default target/simulation), {@code --rating profiles|market} (default profiles: the statistics
 * profiles; market: the auction list's signals alone). Writes {@code summary.md} and {@code summary.json} to the
 * folder and prints the markdown. Run it with {@code scripts/simulate-auction.sh}.
 */
public final class SimulateAuction {

    private static final List<String> OPTIONS = List.of("--catalogue", "--seed", "--out", "--rating");

    private SimulateAuction() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                err.println("usage: SimulateAuction [--catalogue ipl2025|ipl2026|quick|FILE] [--seed N] [--out DIR]"
                        + " [--rating profiles|market]");
                err.println("unknown option or missing value: " + args[i]);
                return 2;
            }
            options.put(args[i], args[++i]);
        }
        String id = options.getOrDefault("--catalogue", "ipl2025");
        Catalogue catalogue;
        try {
            catalogue = CatalogueRepository.fromClasspath().resolve(id);
        } catch (IllegalArgumentException | InvalidCatalogueException | UncheckedIOException e) {
            err.println("--catalogue: " + e.getMessage());
            return 2;
        }
        long seed;
        try {
            seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        } catch (NumberFormatException e) {
            err.println("--seed must be a whole number, not '" + options.get("--seed") + "'");
            return 2;
        }
        String ratingName = options.getOrDefault("--rating", "profiles");
        PlayerRating rating = switch (ratingName) {
            case "profiles" -> ProfileRating.shipped();
            case "market" -> PlayerRating.fromMarket();
            default -> null;
        };
        if (rating == null) {
            err.println("--rating must be profiles or market, not '" + ratingName + "'");
            return 2;
        }
        Path dir = Path.of(options.getOrDefault("--out", "target/simulation"));

        Summary summary = simulate(catalogue, seed, rating, ratingName);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.md"), summary.markdown(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("summary.json"), json(summary) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cannot write the summary to " + dir + ": " + e.getMessage());
            return 1;
        }
        out.print(summary.markdown());
        out.println();
        out.println("wrote " + dir.resolve("summary.md") + " and " + dir.resolve("summary.json"));
        return 0;
    }

    /** Plays one auction with the agents' strategy and this rating, and sums it up. */
    public static Summary simulate(Catalogue catalogue, long seed, PlayerRating rating, String ratingName) {
        RuleBasedStrategy strategy =
                new RuleBasedStrategy(BuyingStyles::of, new Valuation(rating), new BudgetPlanner());
        EngineAuction engine = new EngineAuction(catalogue, strategy, seed);
        Auction auction = engine.run();
        return Summary.of(auction, catalogue.id(), seed, ratingName, engine.refusals());
    }

    static String json(Summary summary) {
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(summary);
    }
}
