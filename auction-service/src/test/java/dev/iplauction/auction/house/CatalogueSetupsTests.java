package dev.iplauction.auction.house;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.rules.Auction;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The house creates auctions from the shipped ipl2026 catalogue and from a catalogue file (AUCTION_CATALOGUE). */
class CatalogueSetupsTests {

    private static final AuctionSetups.Defaults DEFAULTS =
            new AuctionSetups.Defaults(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(8));

    @Test
    void anIpl2026AuctionHasTheFeeCapTheSetOrderAndEachFranchisesOwnStart() {
        AuctionSetups setups = new AuctionSetups(CatalogueRepository.fromClasspath(), DEFAULTS);

        AuctionSetup setup = setups.build(CreateAuction.of("ipl2026"));

        assertThat(setup.overseasFeeCap()).isEqualTo(Lakh.of(1800));
        assertThat(setup.pool()).hasSize(359);
        assertThat(setup.pool().getFirst().setCode()).isEqualTo("BA1");
        assertThat(setup.franchises())
                .filteredOn(f -> f.franchise() == Franchise.KKR)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.purse()).isEqualTo(Lakh.of(6430));
                    assertThat(f.retained()).hasSize(12);
                    assertThat(f.rtmCards()).isZero();
                });
        assertThat(Auction.create("IPL26X", setup, "host", Clock.systemUTC())
                        .value()
                        .code())
                .isEqualTo("IPL26X");
    }

    @Test
    void aCatalogueFileIsOfferedBesideTheShippedOnesByItsId(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("league.json");
        try (InputStream in = getClass().getResourceAsStream("/six-team-league.json")) {
            Files.write(file, in.readAllBytes());
        }
        AuctionSetups setups =
                new AuctionSetups(CatalogueRepository.fromClasspath().with(file), DEFAULTS);

        AuctionSetup setup = setups.build(CreateAuction.of("six-league"));

        assertThat(setup.franchises())
                .extracting(FranchiseSetup::franchise)
                .hasSize(6)
                .doesNotContain(Franchise.SRH);
        assertThat(setup.pool().getFirst().setCode()).isEqualTo("STARS");
        assertThat(setup.overseasFeeCap()).isEqualTo(Lakh.of(150));
        assertThat(Auction.create("SIX6XX", setup, "host", Clock.systemUTC())
                        .value()
                        .code())
                .isEqualTo("SIX6XX");
    }
}
