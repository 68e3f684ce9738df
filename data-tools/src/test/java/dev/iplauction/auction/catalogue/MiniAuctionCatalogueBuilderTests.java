package dev.iplauction.auction.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniAuctionCatalogueBuilderTests {

    /** The shared reference data, beside the repository; present on a developer's machine and in CI. */
    private static final Path IPL2026 = Path.of("../../shared/data/ipl2026");

    @Test
    void theShippedIpl2026CatalogueIsWhatTheBuilderMakesOfTheFacts() throws IOException {
        assumeThat(IPL2026.resolve("auction_list.csv"))
                .as("the shared IPL 2026 facts beside the repository")
                .exists();

        String built = MiniAuctionCatalogueBuilder.read(IPL2026).toJson();

        try (InputStream in = getClass().getResourceAsStream("/catalogue/ipl2026.json")) {
            assertThat(built)
                    .as("rebuild it with scripts/refresh-catalogue-2026.sh")
                    .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsAListPursesAndRetainedSquads(@TempDir Path dir) throws IOException {
        writeSmallFolder(dir);

        CatalogueDocument document = MiniAuctionCatalogueBuilder.read(dir);
        Catalogue catalogue = document.toCatalogue();

        assertThat(catalogue.players())
                .extracting(
                        p -> p.name() + "/" + p.role() + "/" + p.overseas() + "/" + p.capped() + "/" + p.bowlingStyle())
                .containsExactly(
                        "Devon Conway/BATTER/true/true/null",
                        "Matt Henry/BOWLER/true/true/Fast",
                        "Kid Spinner/BOWLER/false/false/Spin");
        assertThat(catalogue.setOrder()).containsExactly("BA1", "FA1", "USP1");
        assertThat(catalogue.overseasFeeCap().value()).isEqualTo(1800);
        assertThat(catalogue.franchises()).singleElement().satisfies(f -> {
            assertThat(f.purse().value()).isEqualTo(275);
            assertThat(f.rtmCards()).isZero();
            assertThat(f.retained()).hasSize(23);
        });
    }

    @Test
    void aPurseFileThatDisagreesWithTheSquadsIsRefusedWithTheLineAndColumn(@TempDir Path dir) throws IOException {
        writeSmallFolder(dir);
        Files.writeString(
                dir.resolve("purses.csv"),
                "franchise,purse_available_lakh,slots_total,slots_overseas,squad_size_before_auction,overseas_before_auction\n"
                        + "MI,275,2,1,22,7\n");

        assertThatThrownBy(() -> MiniAuctionCatalogueBuilder.read(dir))
                .hasMessageContaining(
                        "purses.csv: line 2, column squad_size_before_auction: is 22, but retained.csv lists 23");
    }

    @Test
    void aBadValueIsNamedByFileLineAndColumnAndTheScriptExitsWithOne(@TempDir Path dir) throws IOException {
        writeSmallFolder(dir);
        String list = Files.readString(dir.resolve("auction_list.csv"))
                .replace("Matt Henry,New Zealand,yes", "Matt Henry,New Zealand,maybe");
        Files.writeString(dir.resolve("auction_list.csv"), list);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = MiniAuctionCatalogueBuilder.run(
                new String[] {
                    "--auction",
                    dir.toString(),
                    "--out",
                    dir.resolve("out.json").toString()
                },
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("auction_list.csv: line 3, column overseas: must be yes or no, got 'maybe'");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    private static void writeSmallFolder(Path dir) throws IOException {
        Files.writeString(dir.resolve("auction_list.csv"), """
                list_serial,set_number,auction_set,set_category,player,country,overseas,capped_status,base_price_lakh
                1,1,BA1,Batter,Devon Conway,New Zealand,yes,Capped,200
                2,2,FA1,Fast bowler,Matt Henry,New Zealand,yes,Capped,200
                3,3,USP1,Uncapped Spinner,Kid Spinner,India,no,Uncapped,30
                """);
        StringBuilder retained = new StringBuilder("franchise,player,price_lakh,acquisition,overseas,role,country\n");
        for (int i = 1; i <= 23; i++) {
            boolean overseas = i <= 7;
            retained.append("MI,Player ")
                    .append(i)
                    .append(",100,retained,")
                    .append(overseas ? "yes" : "no")
                    .append(i % 2 == 0 ? ",Bowler," : ",WK-Batter,")
                    .append(overseas ? "Australia" : "India")
                    .append('\n');
        }
        Files.writeString(dir.resolve("retained.csv"), retained);
        Files.writeString(
                dir.resolve("purses.csv"),
                "franchise,purse_available_lakh,slots_total,slots_overseas,squad_size_before_auction,overseas_before_auction\n"
                        + "MI,275,2,1,23,7\n");
    }
}
