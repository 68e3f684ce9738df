package dev.iplauction.auction.web;

import dev.iplauction.auction.catalogue.Catalogue;
import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.auction.FranchiseSetup;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The catalogues the create form offers: every one the house can play (the shipped ones and the file {@code
 * AUCTION_CATALOGUE} names), each with its name and a line on what is in it, both read from the catalogue itself so
 * that a user's file describes itself as the shipped ones do.
 */
@Component
class CatalogueChoices {

    /** One radio button of the create form. */
    record Choice(String id, String name, String description) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final List<Choice> choices;

    CatalogueChoices(CatalogueRepository catalogues) {
        List<Choice> all = new ArrayList<>();
        for (String id : catalogues.ids()) {
            catalogues.byId(id).ifPresent(c -> all.add(new Choice(id, c.name(), describe(c))));
        }
        this.choices = List.copyOf(all);
    }

    List<Choice> all() {
        return choices;
    }

    Optional<Choice> byId(String id) {
        return choices.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The ids, for a refusal that names them. */
    String ids() {
        return String.join(", ", choices.stream().map(Choice::id).toList());
    }

    /** "574 players, 46 retained, purses from ₹41 Cr to ₹110.5 Cr, squads of 18–25, up to 6 RTM cards, as of …". */
    static String describe(Catalogue catalogue) {
        List<String> parts = new ArrayList<>();
        parts.add(catalogue.players().size() + " players");
        int retained = catalogue.franchises().stream()
                .mapToInt(f -> f.retained().size())
                .sum();
        if (retained > 0) {
            parts.add(retained + " retained");
        }
        IntSummaryStatistics purses =
                catalogue.franchises().stream().mapToInt(f -> f.purse().value()).summaryStatistics();
        if (purses.getCount() > 0) {
            parts.add(
                    purses.getMin() == purses.getMax()
                            ? "purses of " + Lakh.of(purses.getMin()).display()
                            : "purses from " + Lakh.of(purses.getMin()).display() + " to "
                                    + Lakh.of(purses.getMax()).display());
        }
        parts.add("squads of " + catalogue.squadRules().minSquad() + "–"
                + catalogue.squadRules().maxSquad());
        IntSummaryStatistics rtm = catalogue.franchises().stream()
                .mapToInt(FranchiseSetup::rtmCards)
                .summaryStatistics();
        if (rtm.getMax() == 0) {
            parts.add("no RTM");
        } else if (rtm.getMin() == rtm.getMax()) {
            parts.add(rtm.getMax() == 1 ? "one RTM card each" : rtm.getMax() + " RTM cards each");
        } else {
            parts.add("up to " + rtm.getMax() + " RTM cards");
        }
        parts.add("as of " + DAY.format(catalogue.auctionDate()));
        return String.join(", ", parts);
    }
}
