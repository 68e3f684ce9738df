package dev.iplauction.auction.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogues the auction house knows: the shipped ones ({@code ipl2025}, {@code ipl2026}, {@code quick}, each a
 * file under {@code catalogue/} on the classpath) and any a user adds from a file. Immutable and safe to share.
 */
public final class CatalogueRepository {

    /** The id of the IPL 2025 mega auction; the catalogue builder (data-tools) writes it into the file. */
    static final String IPL2025_ID = "ipl2025";

    static final String IPL2026_ID = "ipl2026";

    /** The shipped catalogues, the full 2025 one first (the default everywhere). */
    static final List<String> SHIPPED = List.of(IPL2025_ID, IPL2026_ID, QuickCatalogue.ID);

    private final Map<String, Catalogue> catalogues;
    private final List<String> ids;

    /** Catalogues added from a file, by the path they were given as (so a setting that names the file finds it). */
    private final Map<String, Catalogue> byPath;

    private CatalogueRepository(Map<String, Catalogue> catalogues, Map<String, Catalogue> byPath) {
        this.catalogues = Map.copyOf(catalogues);
        this.ids = List.copyOf(catalogues.keySet());
        this.byPath = Map.copyOf(byPath);
    }

    /** The shipped catalogues, read from the classpath the first time any caller asks and shared after that. */
    public static CatalogueRepository fromClasspath() {
        return Shipped.INSTANCE;
    }

    /**
     * These catalogues and the one in {@code file}, found by its id and by the path as given; a file whose id is a
     * shipped one's takes its place.
     *
     * @throws InvalidCatalogueException when the file breaks the format (the message says where and why)
     * @throws UncheckedIOException when it cannot be read
     */
    public CatalogueRepository with(Path file) {
        Catalogue added = readFile(file);
        Map<String, Catalogue> byId = new LinkedHashMap<>();
        ids.forEach(id -> byId.put(id, catalogues.get(id)));
        byId.put(added.id(), added);
        Map<String, Catalogue> paths = new LinkedHashMap<>(byPath);
        paths.put(file.toString(), added);
        return new CatalogueRepository(byId, paths);
    }

    /**
     * A catalogue by a shipped id ("ipl2026") or, when the name is no id known here, as a file path.
     *
     * @throws IllegalArgumentException naming the known ids when it is neither
     */
    public Catalogue resolve(String idOrFile) {
        Optional<Catalogue> known = byId(idOrFile);
        if (known.isPresent()) {
            return known.get();
        }
        Path file = Path.of(idOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "no catalogue '" + idOrFile + "': give one of " + ids + " or the path of a catalogue file");
        }
        return readFile(file);
    }

    /** Reads and checks one catalogue file. */
    public static Catalogue readFile(Path file) {
        try {
            if (Files.size(file) > CatalogueDocument.MAX_BYTES) {
                throw new InvalidCatalogueException(file + ": the file is larger than the "
                        + CatalogueDocument.MAX_BYTES + " bytes a catalogue may be");
            }
            return CatalogueDocument.read(Files.readAllBytes(file), file.toString())
                    .toCatalogue();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no catalogue file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue " + file, e);
        }
    }

    /** The IPL 2025 mega auction: 574 players, 46 retained, the real purses and RTM cards. */
    public Catalogue ipl2025() {
        return catalogues.get(IPL2025_ID);
    }

    /** The IPL 2026 mini auction: 359 players, ten franchises with their retained squads, slots and purses. */
    public Catalogue ipl2026() {
        return catalogues.get(IPL2026_ID);
    }

    /** About 60 well-known players, purses of 4,000 lakh, squads of 4 to 8, no retentions. */
    public Catalogue quick() {
        return catalogues.get(QuickCatalogue.ID);
    }

    /** A catalogue by its id, or by the path a file was added as ({@link #with}). */
    public Optional<Catalogue> byId(String id) {
        return Optional.ofNullable(id).map(key -> catalogues.getOrDefault(key, byPath.get(key)));
    }

    /** The ids of the catalogues, the full 2025 one first. */
    public List<String> ids() {
        return ids;
    }

    static CatalogueDocument readShipped(String id) {
        String resource = "/catalogue/" + id + ".json";
        try (InputStream json = CatalogueRepository.class.getResourceAsStream(resource)) {
            if (json == null) {
                throw new IllegalStateException("the catalogue " + resource + " is not on the classpath");
            }
            return CatalogueDocument.read(json.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue " + resource, e);
        }
    }

    /** Holds the shipped catalogues; the class loads, and the files are read, on first use. */
    private static final class Shipped {
        static final CatalogueRepository INSTANCE = load();

        private static CatalogueRepository load() {
            Map<String, Catalogue> byId = new LinkedHashMap<>();
            for (String id : SHIPPED) {
                Catalogue catalogue = readShipped(id).toCatalogue();
                if (!catalogue.id().equals(id)) {
                    throw new IllegalStateException("catalogue/" + id + ".json has the id " + catalogue.id());
                }
                byId.put(id, catalogue);
            }
            return new CatalogueRepository(byId, Map.of());
        }
    }
}
