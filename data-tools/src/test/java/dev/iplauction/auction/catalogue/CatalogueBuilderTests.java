package dev.iplauction.auction.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.iplauction.auction.catalogue.AuctionListCsv.MalformedCsvException;
import dev.iplauction.auction.catalogue.CatalogueBuilder.AuctionListException;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueBuilderTests {

    /** The shared reference data, beside the repository; present on a developer's machine and in CI. */
    private static final Path AUCTION_LIST = Path.of("../../shared/data/ipl2025/auction_list.csv");

    private final CatalogueRepository repository = CatalogueRepository.fromClasspath();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void buildsFranchisesFromTheRetainedRows() {
        Catalogue catalogue =
                CatalogueBuilder.read(resource("auction_list_small.csv")).toCatalogue();

        assertThat(catalogue.id()).isEqualTo("ipl2025");
        assertThat(catalogue.name()).isEqualTo("IPL 2025 mega auction");
        assertThat(catalogue.auctionDate()).isEqualTo(LocalDate.of(2024, 11, 24));
        assertThat(catalogue.squadRules()).isEqualTo(SquadRules.IPL);
        assertThat(catalogue.franchises()).extracting(FranchiseSetup::franchise).containsExactly(Franchise.values());

        FranchiseSetup mi = franchise(catalogue, Franchise.MI);
        assertThat(mi.purse()).isEqualTo(Lakh.of(12_000 - 1800 - 1635));
        assertThat(mi.rtmCards()).isEqualTo(4);
        assertThat(mi.retained()).extracting(s -> s.player().id()).containsExactly("R-MI-1", "R-MI-2");
        SquadPlayer pandya = mi.retained().get(1);
        assertThat(pandya.player().name()).isEqualTo("Pandya, Hardik");
        assertThat(pandya.price()).isEqualTo(Lakh.of(1635));
        assertThat(pandya.acquisition()).isEqualTo(SquadPlayer.Acquisition.RETAINED);
        assertThat(pandya.player().role()).isEqualTo(Role.ALL_ROUNDER);
        assertThat(pandya.player().team2024()).isEqualTo(Franchise.MI);
        assertThat(pandya.player().setCode()).isEqualTo("Retained");

        FranchiseSetup srh = franchise(catalogue, Franchise.SRH);
        assertThat(srh.purse()).isEqualTo(Lakh.of(10_600));
        assertThat(srh.rtmCards()).isEqualTo(5);
        Player head = srh.retained().getFirst().player();
        assertThat(head.id()).isEqualTo("R-SRH-1");
        assertThat(head.overseas()).isTrue();
        assertThat(head.capped()).isTrue();

        FranchiseSetup csk = franchise(catalogue, Franchise.CSK);
        assertThat(csk.purse()).isEqualTo(Lakh.of(12_000));
        assertThat(csk.rtmCards()).isEqualTo(6);
        assertThat(csk.retained()).isEmpty();
    }

    @Test
    void readsAuctionPlayersInListOrder() {
        List<Player> players = CatalogueBuilder.read(resource("auction_list_small.csv"))
                .toCatalogue()
                .players();

        assertThat(players).extracting(Player::id).containsExactly("1", "2", "3", "4");
        assertThat(players.get(0))
                .isEqualTo(new Player(
                        "1",
                        "Jos Buttler",
                        "England",
                        true,
                        Role.WICKETKEEPER,
                        true,
                        "M1",
                        Lakh.of(200),
                        Franchise.RR,
                        34,
                        "RHB",
                        null));
        Player iyer = players.get(1);
        assertThat(iyer.age()).isNull();
        assertThat(iyer.overseas()).isFalse();
        assertThat(iyer.bowlingStyle()).isEqualTo("RIGHT ARM Leg Spin");
        Player puthur = players.get(2);
        assertThat(puthur.name()).isEqualTo("Vignesh \"V\" Puthur");
        assertThat(puthur.capped()).isFalse();
        assertThat(puthur.team2024()).isNull();
        assertThat(puthur.basePrice()).isEqualTo(Lakh.of(30));
        Player associate = players.get(3);
        assertThat(associate.capped()).as("an Associate player is uncapped").isFalse();
        assertThat(associate.overseas()).isTrue();
        assertThat(associate.team2024()).as("'Mi' reads as MI").isEqualTo(Franchise.MI);
        assertThat(associate.setCode()).isEqualTo("UFA1");
    }

    @Test
    void writesJsonThatReadsBackToTheSameCatalogue(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("nested/ipl2025.json");

        int status = run("--auction-list", resource("auction_list_small.csv").toString(), "--out", target.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 auction players, 3 retained players");
        String json = Files.readString(target);
        assertThat(json).endsWith("}\n").doesNotContain("\r");
        assertThat(json.lines()).contains("  \"auctionDate\": \"2024-11-24\",");
        try (InputStream in = Files.newInputStream(target)) {
            assertThat(CatalogueDocument.read(in.readAllBytes(), target.toString())
                            .toCatalogue())
                    .isEqualTo(CatalogueBuilder.read(resource("auction_list_small.csv"))
                            .toCatalogue());
        }
    }

    @Test
    void namesTheMissingColumn() {
        assertThatThrownBy(() -> CatalogueBuilder.read(resource("auction_list_missing_column.csv")))
                .isInstanceOf(AuctionListException.class)
                .hasMessageContaining("auction_list_missing_column.csv")
                .hasMessageContaining("line 1: the header has no column capped_status");
    }

    @Test
    void namesTheLineAndTheValueItCannotRead(@TempDir Path dir) {
        int status = run(
                "--auction-list",
                resource("auction_list_bad_price.csv").toString(),
                "--out",
                dir.resolve("ipl2025.json").toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("line 4: base_or_retention_price_lakh '2 crore' is not a whole number of lakh");
        assertThat(dir.resolve("ipl2025.json")).doesNotExist();
    }

    @Test
    void saysSoWhenTheFileIsMissing(@TempDir Path dir) {
        int status = run(
                "--auction-list",
                dir.resolve("nowhere.csv").toString(),
                "--out",
                dir.resolve("ipl2025.json").toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nowhere.csv: no such file");
    }

    @Test
    void explainsItsArguments() {
        assertThat(run("--auction-list", "x.csv")).isEqualTo(2);
        assertThat(run("--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: CatalogueBuilder --auction-list");
    }

    @Test
    void refusesRowsItCannotRead(@TempDir Path dir) throws IOException {
        String header = String.join(",", CatalogueBuilder.COLUMNS);
        assertThat(problemWith(dir, header + "\n1,M1,A,India,,SPINNER,,,,,Capped,200,0\n"))
                .contains("line 2: specialism 'SPINNER' is none of");
        assertThat(problemWith(dir, header + "\n1,M1,A,India,,BATTER,,,XI,,Capped,200,0\n"))
                .contains("line 2: team_2024 'XI' is not one of the ten franchises");
        assertThat(problemWith(dir, header + "\n,Retained,A,India,,BATTER,,,,,Capped,200,1\n"))
                .contains("line 2: a retained player needs the franchise");
        assertThat(problemWith(dir, header + "\n1,M1,A,India,,BATTER,,,,,Capped,200\n"))
                .contains("line 2: has 12 fields, the header has 13");
        assertThat(problemWith(
                        dir,
                        header + "\n1,M1,A,India,,BATTER,,,,,Capped,200,0\n1,M1,B,India,,BATTER,,,,,Capped,200,0\n"))
                .contains("line 3: list_sr_no 1 is on the list twice");
        assertThat(problemWith(dir, header + "\n1,M1,A,India,,BATTER,,,,,Capped,200,0\n2,M1,\"B,India\n"))
                .contains("line 3: a quoted field is not closed");
        assertThat(
                        problemWith(
                                dir,
                                header
                                        + "\n,Retained,A,India,,BATTER,,,MI,,Capped,7000,1\n,Retained,B,India,,BATTER,,,MI,,Capped,5001,1\n"))
                .contains("MI's retentions add up to 12001 lakh, more than the 12000 lakh purse");
    }

    @Test
    void readsCsvAsRfc4180Says() throws IOException {
        String csv = "\uFEFFa,b,c\r\n\"x, y\",\"two\r\nlines\",\"say \"\"hi\"\"\"\r\n\r\n1,,3\n4,5,6";

        List<AuctionListCsv.Row> rows = AuctionListCsv.read(new StringReader(csv));

        assertThat(rows)
                .containsExactly(
                        new AuctionListCsv.Row(1, List.of("a", "b", "c")),
                        new AuctionListCsv.Row(2, List.of("x, y", "two\nlines", "say \"hi\"")),
                        new AuctionListCsv.Row(5, List.of("1", "", "3")),
                        new AuctionListCsv.Row(6, List.of("4", "5", "6")));
        assertThatThrownBy(() -> AuctionListCsv.read(new StringReader("a,b\nx,y\"z\n")))
                .isInstanceOf(MalformedCsvException.class)
                .hasMessage("line 2: a quote inside an unquoted field (quote the whole field and double the quote)");
        assertThatThrownBy(() -> AuctionListCsv.read(new StringReader("a,b\n\"x\"y,z\n")))
                .isInstanceOf(MalformedCsvException.class)
                .hasMessageStartingWith("line 2: unexpected 'y' after the closing quote");
    }

    @Test
    void theShippedFileIsWhatTheBuilderMakesOfTheAuctionList() throws IOException {
        assumeThat(AUCTION_LIST)
                .as("the shared auction list beside the repository")
                .isRegularFile();

        CatalogueDocument rebuilt = CatalogueBuilder.read(AUCTION_LIST);

        String shipped = shippedJson();
        String json = rebuilt.toJson();
        assertThat(json)
                .withFailMessage(
                        "catalogue/ipl2025.json is out of date (first difference at line %d): run"
                                + " scripts/refresh-catalogue.sh",
                        firstDifferentLine(shipped, json))
                .isEqualTo(shipped);
        assertThat(rebuilt.toCatalogue()).isEqualTo(repository.ipl2025());
    }

    private String problemWith(Path dir, String csv) throws IOException {
        Path file = Files.writeString(dir.resolve("list.csv"), csv);
        try {
            CatalogueBuilder.read(file);
        } catch (AuctionListException e) {
            return e.getMessage();
        }
        throw new AssertionError("the builder read " + csv + " without complaint");
    }

    private int run(String... args) {
        return CatalogueBuilder.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static FranchiseSetup franchise(Catalogue catalogue, Franchise franchise) {
        return catalogue.franchises().stream()
                .filter(f -> f.franchise() == franchise)
                .findFirst()
                .orElseThrow();
    }

    private static int firstDifferentLine(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int common = Math.min(a.size(), b.size());
        return IntStream.range(0, common)
                        .filter(i -> !a.get(i).equals(b.get(i)))
                        .findFirst()
                        .orElse(common)
                + 1;
    }

    private static String shippedJson() throws IOException {
        try (InputStream in = CatalogueRepository.class.getResourceAsStream("/catalogue/ipl2025.json")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(CatalogueBuilderTests.class
                    .getResource("/catalogue/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
