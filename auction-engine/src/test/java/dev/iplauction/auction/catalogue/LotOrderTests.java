package dev.iplauction.auction.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LotOrderTests {

    private final List<Player> ipl2025 =
            CatalogueRepository.fromClasspath().ipl2025().players();

    @Test
    void setsComeInTheOfficialOrder() {
        List<String> sets = setsInOrder(LotOrder.arrange(ipl2025, 42));

        assertThat(sets)
                .startsWith(
                        "M1", "M2", "BA1", "AL1", "WK1", "FA1", "SP1", "UBA1", "UAL1", "UWK1", "UFA1", "USP1", "BA2",
                        "AL2", "WK2", "FA2", "SP2", "UBA2", "UAL2", "UWK2", "UFA2", "USP2", "BA3");
        assertThat(sets).hasSize(79).endsWith("UAL13", "UAL14", "UAL15");
        assertThat(sets.indexOf("FA10")).isLessThan(sets.indexOf("UFA10"));
    }

    @Test
    void skipsMissingSetsAndPutsUnknownOnesLast() {
        List<Player> players = List.of(
                player("1", "X2"),
                player("2", "UBA2"),
                player("3", "Retained"),
                player("4", "SP2"),
                player("5", "M2"),
                player("6", "BA1"),
                player("7", "M10"),
                player("8", "A1"));

        assertThat(setsInOrder(LotOrder.arrange(players, 1)))
                .containsExactly("M2", "M10", "BA1", "SP2", "UBA2", "A1", "Retained", "X2");
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        assertThat(LotOrder.arrange(ipl2025, 2025)).isEqualTo(LotOrder.arrange(ipl2025, 2025));
        assertThat(LotOrder.arrange(List.copyOf(ipl2025), 7)).isEqualTo(LotOrder.arrange(ipl2025, 7));
    }

    @Test
    void anotherSeedShufflesTheSetsDifferently() {
        List<Player> one = LotOrder.arrange(ipl2025, 1);
        List<Player> two = LotOrder.arrange(ipl2025, 2);

        assertThat(one).isNotEqualTo(two);
        assertThat(setsInOrder(one)).isEqualTo(setsInOrder(two));
        assertThat(one.subList(0, 6)).as("M1 shuffled").isNotEqualTo(ipl2025.subList(0, 6));
        assertThat(one.subList(0, 6)).containsExactlyInAnyOrderElementsOf(ipl2025.subList(0, 6));
    }

    @Test
    void everyPlayerComesUpExactlyOnce() {
        List<Player> lots = LotOrder.arrange(ipl2025, 99);

        assertThat(lots).hasSameSizeAs(ipl2025).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ipl2025);
        assertThat(LotOrder.arrange(List.of(), 1)).isEmpty();
    }

    @Test
    void theShuffleStartsFromTheOrderGiven() {
        List<Player> set = new ArrayList<>(IntStream.rangeClosed(1, 8)
                .mapToObj(i -> player(String.valueOf(i), "AL3"))
                .toList());
        List<Player> reversed = set.reversed();

        assertThat(LotOrder.arrange(set, 5))
                .as("the shuffle depends on the order players are given in")
                .isNotEqualTo(LotOrder.arrange(reversed, 5));
        assertThat(LotOrder.arrange(List.of(player("1", "WK9")), 5))
                .extracting(Player::id)
                .containsExactly("1");
    }

    private static List<String> setsInOrder(List<Player> lots) {
        return List.copyOf(lots.stream()
                .map(Player::setCode)
                .collect(LinkedHashSet<String>::new, LinkedHashSet::add, LinkedHashSet::addAll));
    }

    private static Player player(String id, String set) {
        return new Player(
                id, "Player " + id, "India", false, Role.BATTER, true, set, Lakh.of(30), null, null, null, null);
    }
}
