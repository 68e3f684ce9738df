package dev.iplauction.auction.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CatalogueRepositoryTests {

    private final CatalogueRepository repository = CatalogueRepository.fromClasspath();

    @Test
    void shipsTheIpl2025AndIpl2026AuctionsAndTheQuickOne() {
        assertThat(repository.ids()).containsExactly("ipl2025", "ipl2026", "quick");
        assertThat(repository.byId("ipl2025")).containsSame(repository.ipl2025());
        assertThat(repository.byId("ipl2026")).containsSame(repository.ipl2026());
        assertThat(repository.byId("quick")).containsSame(repository.quick());
        assertThat(repository.byId("ipl2027")).isEmpty();
        assertThat(repository.byId(null)).isEmpty();
        assertThat(CatalogueRepository.fromClasspath()).isSameAs(repository);
    }

    @Test
    void ipl2025HasTheWholeListAndTheRealRetentions() {
        Catalogue ipl2025 = repository.ipl2025();

        assertThat(ipl2025.name()).isEqualTo("IPL 2025 mega auction");
        assertThat(ipl2025.squadRules()).isEqualTo(SquadRules.IPL);
        assertThat(ipl2025.players()).hasSize(574);
        assertThat(ipl2025.players().getFirst().name()).isEqualTo("Jos Buttler");
        assertThat(ipl2025.franchises().stream()
                        .mapToInt(f -> f.retained().size())
                        .sum())
                .isEqualTo(46);
        assertThat(purses(ipl2025))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Franchise.CSK, 5500,
                        Franchise.DC, 7300,
                        Franchise.GT, 6900,
                        Franchise.KKR, 5100,
                        Franchise.LSG, 6900,
                        Franchise.MI, 4500,
                        Franchise.PBKS, 11050,
                        Franchise.RCB, 8300,
                        Franchise.RR, 4100,
                        Franchise.SRH, 4500));
        assertThat(setup(ipl2025, Franchise.RR).rtmCards()).isZero();
        assertThat(setup(ipl2025, Franchise.PBKS).rtmCards()).isEqualTo(4);
        assertThat(setup(ipl2025, Franchise.RCB).retained())
                .extracting(s -> s.player().id(), s -> s.player().name(), SquadPlayer::price)
                .first()
                .isEqualTo(tuple("R-RCB-1", "Virat Kohli", Lakh.of(2100)));
    }

    @Test
    void ipl2025PlayersAreWellFormed() {
        Catalogue ipl2025 = repository.ipl2025();

        assertThat(ipl2025.players())
                .allSatisfy(p -> assertThat(SetCode.parse(p.setCode()))
                        .as("set of %s", p.name())
                        .isPresent());
        assertThat(allPlayers(ipl2025).map(Player::id)).doesNotHaveDuplicates();
        assertThat(ipl2025.players()).extracting(Player::id).allMatch(id -> id.matches("[1-9][0-9]*"));
        assertThat(ipl2025.players())
                .filteredOn(p -> p.name().equals("Jamie Overton"))
                .singleElement()
                .satisfies(
                        p -> assertThat(p.age()).as("kept as the list has it").isEqualTo(41));
        assertThat(ipl2025.players())
                .filteredOn(p -> p.name().equals("Akash Singh"))
                .hasSize(2);
        assertThat(ipl2025.players())
                .filteredOn(p -> !p.country().equals("India"))
                .allMatch(Player::overseas);
        assertThat(ipl2025.players())
                .filteredOn(p -> p.country().equals("India"))
                .noneMatch(Player::overseas);
    }

    @Test
    void quickIsAboutSixtyWellKnownPlayersWithABalancedMix() {
        Catalogue quick = repository.quick();
        Map<String, Player> ipl2025 =
                repository.ipl2025().players().stream().collect(Collectors.toMap(Player::id, Function.identity()));

        assertThat(quick.name()).isEqualTo("Quick auction");
        assertThat(quick.squadRules()).isEqualTo(new SquadRules(4, 8, 3, Lakh.of(30)));
        assertThat(quick.players()).hasSize(60);
        assertThat(quick.players())
                .allSatisfy(p -> assertThat(ipl2025.get(p.id())).isEqualTo(p));
        assertThat(quick.players())
                .as("every marquee player")
                .containsAll(repository.ipl2025().players().stream()
                        .filter(p -> p.setCode().startsWith("M"))
                        .toList());
        assertThat(quick.players().stream().collect(Collectors.groupingBy(Player::role, Collectors.counting())))
                .as("at least 8 wicketkeepers, 16 bowlers and 10 all-rounders")
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Role.BATTER, 12L,
                        Role.WICKETKEEPER, 8L,
                        Role.ALL_ROUNDER, 14L,
                        Role.BOWLER, 26L));
        assertThat(quick.players())
                .as("40% overseas")
                .filteredOn(Player::overseas)
                .hasSize(24);
        assertThat(quick.players()).allMatch(Player::capped);
        assertThat(quick.players()).extracting(p -> Integer.parseInt(p.id())).isSorted();
        assertThat(quick.franchises()).extracting(FranchiseSetup::franchise).containsExactly(Franchise.values());
        assertThat(quick.franchises())
                .allSatisfy(f -> assertThat(f).isEqualTo(new FranchiseSetup(f.franchise(), Lakh.of(4000), 1, null)));
    }

    @Test
    void quickJsonStillFollowsTheRuleThatDerivesItFromIpl2025() {
        CatalogueDocument derived = QuickCatalogue.from(CatalogueRepository.readShipped("ipl2025"));

        assertThat(CatalogueRepository.readShipped("quick")).isEqualTo(derived);
    }

    @Test
    void ipl2026IsAMiniAuctionWithEachFranchisesOwnPurseSlotsAndSquad() {
        Catalogue ipl2026 = repository.ipl2026();

        assertThat(ipl2026.name()).isEqualTo("IPL 2026 mini auction");
        assertThat(ipl2026.players()).hasSize(359);
        assertThat(ipl2026.overseasFeeCap()).isEqualTo(Lakh.of(1800));
        assertThat(ipl2026.franchises())
                .allSatisfy(f -> assertThat(f.rtmCards()).isZero());
        assertThat(purses(ipl2026)).containsEntry(Franchise.MI, 275).containsEntry(Franchise.KKR, 6430);
        assertThat(ipl2026.franchises().stream()
                        .mapToInt(f -> f.retained().size())
                        .sum())
                .isEqualTo(173);
        assertThat(setup(ipl2026, Franchise.KKR).retained()).hasSize(12);
        assertThat(ipl2026.squadRules().maxSquad() * 10
                        - ipl2026.franchises().stream()
                                .mapToInt(f -> f.retained().size())
                                .sum())
                .as("slots to fill")
                .isEqualTo(77);
        assertThat(ipl2026.setOrder()).startsWith("BA1", "AL1", "WK1", "FA1", "SP1", "UBA1");
        assertThat(ipl2026.lotOrder(3).getFirst().setCode()).isEqualTo("BA1");
        assertThat(ipl2026.lotOrder(3).getLast().setCode()).isEqualTo("UAL10");
    }

    private static Stream<Player> allPlayers(Catalogue catalogue) {
        return Stream.concat(
                catalogue.players().stream(),
                catalogue.franchises().stream()
                        .flatMap(f -> f.retained().stream())
                        .map(SquadPlayer::player));
    }

    private static Map<Franchise, Integer> purses(Catalogue catalogue) {
        return catalogue.franchises().stream()
                .collect(Collectors.toMap(
                        FranchiseSetup::franchise, f -> f.purse().value()));
    }

    private static FranchiseSetup setup(Catalogue catalogue, Franchise franchise) {
        return catalogue.franchises().stream()
                .filter(f -> f.franchise() == franchise)
                .findFirst()
                .orElseThrow();
    }
}
