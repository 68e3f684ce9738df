package dev.iplauction.auction.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogues the auction house ships: {@code ipl2025}, read from {@code catalogue/ipl2025.json} on the classpath,
 * and {@code quick}, derived from it. Immutable and safe to share; the file is read once.
 */
public final class CatalogueRepository {

    /** The id of the IPL 2025 mega auction; the catalogue builder (data-tools) writes it into the file. */
    static final String IPL2025_ID = "ipl2025";

    static final String IPL2025_RESOURCE = "/catalogue/ipl2025.json";

    private final Map<String, Catalogue> catalogues;
    private final List<String> ids;

    CatalogueRepository(CatalogueDocument ipl2025) {
        Map<String, Catalogue> byId = new LinkedHashMap<>();
        byId.put(ipl2025.id(), ipl2025.toCatalogue());
        Catalogue quick = QuickCatalogue.from(ipl2025);
        byId.put(quick.id(), quick);
        this.catalogues = Map.copyOf(byId);
        this.ids = List.copyOf(byId.keySet());
    }

    /** The shipped catalogues, read from the classpath the first time any caller asks and shared after that. */
    public static CatalogueRepository fromClasspath() {
        return Shipped.INSTANCE;
    }

    /** The IPL 2025 mega auction: 574 players, 46 retained, the real purses and RTM cards. */
    public Catalogue ipl2025() {
        return catalogues.get(IPL2025_ID);
    }

    /** About 60 well-known players, purses of 4,000 lakh, squads of 4 to 8, no retentions. */
    public Catalogue quick() {
        return catalogues.get(QuickCatalogue.ID);
    }

    public Optional<Catalogue> byId(String id) {
        return Optional.ofNullable(id).map(catalogues::get);
    }

    /** The ids of the catalogues, the full one first. */
    public List<String> ids() {
        return ids;
    }

    static CatalogueDocument readShipped() {
        try (InputStream json = CatalogueRepository.class.getResourceAsStream(IPL2025_RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException("the catalogue " + IPL2025_RESOURCE + " is not on the classpath");
            }
            return CatalogueDocument.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue " + IPL2025_RESOURCE, e);
        }
    }

    /** Holds the shipped catalogues; the class loads, and the file is read, on first use. */
    private static final class Shipped {
        static final CatalogueRepository INSTANCE = new CatalogueRepository(readShipped());
    }
}
