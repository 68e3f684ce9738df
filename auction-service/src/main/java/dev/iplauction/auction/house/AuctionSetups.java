package dev.iplauction.auction.house;

import dev.iplauction.auction.catalogue.Catalogue;
import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.catalogue.LotOrder;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a create request into a complete setup, refusing what does not make an auction. */
final class AuctionSetups {

    static final long MIN_WINDOW_MILLIS = 100;
    static final long MAX_WINDOW_MILLIS = Duration.ofMinutes(5).toMillis();

    private final CatalogueRepository catalogues;
    private final Defaults defaults;

    /** The clock windows used when a request names none. */
    record Defaults(Duration bidWindow, Duration acceleratedWindow, Duration rtmWindow) {}

    AuctionSetups(CatalogueRepository catalogues, Defaults defaults) {
        this.catalogues = catalogues;
        this.defaults = defaults;
    }

    AuctionSetup build(CreateAuction request) {
        // The API and the pages check these first with friendlier words; this is the house's own last line.
        if (request.name() != null && request.name().trim().length() > CreateAuction.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be at most " + CreateAuction.MAX_NAME_LENGTH + " characters");
        }
        if (request.playerIds() != null && request.playerIds().size() > CreateAuction.MAX_PLAYER_IDS) {
            throw new IllegalArgumentException(
                    "playerIds may name at most " + CreateAuction.MAX_PLAYER_IDS + " players");
        }
        String id = request.catalogue() == null ? "ipl2025" : request.catalogue();
        Catalogue catalogue = catalogues
                .byId(id)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown catalogue '" + id + "'; choose one of " + catalogues.ids()));
        boolean retentions = request.retentions() == null || request.retentions();
        List<Player> players = select(catalogue, request.playerIds());
        SquadRules rules = request.squadRules() == null ? catalogue.squadRules() : request.squadRules();
        List<FranchiseSetup> franchises = catalogue.franchises().stream()
                .map(f -> franchise(f, retentions, request))
                .toList();
        long seed = request.seed() == null ? new SecureRandom().nextLong() : request.seed();
        return new AuctionSetup(
                request.name() == null || request.name().isBlank()
                        ? catalogue.name()
                        : request.name().trim(),
                LotOrder.arrange(players, catalogue.setOrder(), seed),
                franchises,
                rules,
                window("bidWindowMillis", request.bidWindowMillis(), defaults.bidWindow()),
                window("acceleratedWindowMillis", request.acceleratedWindowMillis(), defaults.acceleratedWindow()),
                window("rtmWindowMillis", request.rtmWindowMillis(), defaults.rtmWindow()),
                seed,
                catalogue.overseasFeeCap(),
                catalogue.increments());
    }

    private static List<Player> select(Catalogue catalogue, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return catalogue.players();
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        List<Player> chosen = catalogue.players().stream()
                .filter(p -> wanted.contains(p.id()))
                .toList();
        if (chosen.size() != wanted.size()) {
            Set<String> missing = new LinkedHashSet<>(wanted);
            chosen.forEach(p -> missing.remove(p.id()));
            throw new IllegalArgumentException(
                    "catalogue '" + catalogue.id() + "' has no player with the id " + String.join(", ", missing));
        }
        return chosen;
    }

    private static FranchiseSetup franchise(FranchiseSetup base, boolean retentions, CreateAuction request) {
        Lakh purse;
        if (request.purseLakh() != null) {
            if (request.purseLakh() < 1) {
                throw new IllegalArgumentException("purseLakh must be at least 1, got " + request.purseLakh());
            }
            purse = Lakh.of(request.purseLakh());
        } else if (retentions) {
            purse = base.purse();
        } else {
            purse = base.purse()
                    .plus(base.retained().stream().map(p -> p.price()).reduce(Lakh.ZERO, Lakh::plus));
        }
        int cards = request.rtmCards() != null ? request.rtmCards() : base.rtmCards();
        if (cards < 0 || cards > 6) {
            throw new IllegalArgumentException("rtmCards must be between 0 and 6, got " + cards);
        }
        return new FranchiseSetup(base.franchise(), purse, cards, retentions ? base.retained() : List.of());
    }

    private static long window(String name, Long requested, Duration fallback) {
        long millis = requested == null ? fallback.toMillis() : requested;
        if (millis < MIN_WINDOW_MILLIS || millis > MAX_WINDOW_MILLIS) {
            throw new IllegalArgumentException(name + " must be between " + MIN_WINDOW_MILLIS + " and "
                    + MAX_WINDOW_MILLIS + " milliseconds, got " + millis);
        }
        return millis;
    }
}
