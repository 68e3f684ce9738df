package dev.iplauction.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.profiles.PlayerProfile.CoverageStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProfileRepositoryTests {

    private final ProfileRepository repository = ProfileRepository.fromClasspath("ipl2025");

    @Test
    void theShippedProfilesCoverEveryPlayerOfTheAuctionListUpToTheAuctionsDate() {
        assertThat(repository.all()).hasSize(620);
        assertThat(repository.cutoff()).isEqualTo(LocalDate.of(2024, 11, 24));
        assertThat(repository.source().name()).isEqualTo("Cricsheet");
        assertThat(repository.all().stream().filter(PlayerProfile::hasData).count())
                .as("players with T20 data")
                .isGreaterThan(300);
        assertThat(repository.all().stream().filter(p -> p.coverage().status() == CoverageStatus.NOT_IN_CRICSHEET))
                .as("players the crosswalk cannot place: a fact, still profiled")
                .isNotEmpty();
        assertThat(repository.fromClasspath("quick")).isSameAs(repository);
    }

    @Test
    void looksPlayersUpByCatalogueIdAndByAUniqueName() {
        PlayerProfile kohli = repository.byId("R-RCB-1").orElseThrow();
        assertThat(kohli.name()).isEqualTo("Virat Kohli");
        // Kohli's IPL runs to the end of 2024, a well-known total.
        assertThat(kohli.batting().ipl().runs()).isEqualTo(8004);
        assertThat(kohli.experience().lastIplSeason()).isEqualTo(2024);

        assertThat(repository.byName("  rishabh   PANT "))
                .map(PlayerProfile::id)
                .hasValue("3");
        // Two players are named Akash Singh: the name alone cannot tell them apart.
        assertThat(repository.byName("Akash Singh")).isEmpty();
        assertThat(repository.byId("no-such-player")).isEmpty();
    }

    @Test
    void anUnknownCatalogueIsRefusedWithTheOnesThereAre() {
        assertThatThrownBy(() -> ProfileRepository.fromClasspath("ipl2030"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ipl2025, ipl2026 and quick");
    }

    @Test
    void theIpl2026ProfilesCountMatchesUpToTheDayBeforeThatAuction() {
        ProfileRepository ipl2026 = ProfileRepository.fromClasspath("ipl2026");
        assertThat(ipl2026.all()).as("173 retained and 359 in the auction").hasSize(532);
        assertThat(ipl2026.cutoff()).isEqualTo(LocalDate.of(2025, 12, 16));
        PlayerProfile kohli = ipl2026.byId("R-RCB-1").orElseThrow();
        assertThat(kohli.name()).isEqualTo("Virat Kohli");
        // 8,004 to 2024 and 657 in IPL 2025.
        assertThat(kohli.batting().ipl().runs()).isEqualTo(8661);
        assertThat(kohli.experience().lastIplSeason()).isEqualTo(2025);
        assertThat(ipl2026.source().attribution()).contains("Cricsheet").contains("ipl2026");
        assertThat(ipl2026.all().stream().filter(p -> p.coverage().status() == CoverageStatus.NOT_IN_CRICSHEET))
                .as("players nobody could match: still profiled, with the reason")
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.coverage().note()).isNotBlank());
    }
}
