package dev.iplauction.profiles;

import dev.iplauction.contracts.Player;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped profiles, looked up by catalogue player id (or by name where the name is unique). Read once per
 * catalogue and shared: a repository never changes.
 */
public final class ProfileRepository {

    /** The shipped profiles of the IPL 2025 auction's players, cut off at the auction's date. */
    public static final String IPL2025_RESOURCE = "/profiles/ipl2025-profiles.json";

    /** The shipped profiles of the IPL 2026 mini auction's players: matches up to 15 Dec 2025, the day before it. */
    public static final String IPL2026_RESOURCE = "/profiles/ipl2026-profiles.json";

    private static final Map<String, ProfileRepository> SHIPPED = new ConcurrentHashMap<>();

    private final ProfileDocument document;
    private final Map<String, PlayerProfile> byId = new LinkedHashMap<>();
    private final Map<String, PlayerProfile> byName = new HashMap<>();

    public ProfileRepository(ProfileDocument document) {
        this.document = document;
        Set<String> repeated = new HashSet<>();
        for (PlayerProfile profile : document.profiles()) {
            if (byId.put(profile.id(), profile) != null) {
                throw new ProfileDataException("two profiles have the id " + profile.id());
            }
            String name = key(profile.name());
            if (byName.put(name, profile) != null) {
                repeated.add(name);
            }
        }
        repeated.forEach(byName::remove);
    }

    /**
     * The shipped profiles for a catalogue's players: {@code ipl2025}, {@code quick}, whose players are a choice of
     * the 2025 list under the same ids, and {@code ipl2026}.
     */
    public static ProfileRepository fromClasspath(String catalogue) {
        String resource = switch (catalogue) {
            case "ipl2025", "quick" -> IPL2025_RESOURCE;
            case "ipl2026" -> IPL2026_RESOURCE;
            default ->
                throw new IllegalArgumentException("no shipped profiles for catalogue '" + catalogue
                        + "'; there are for ipl2025, ipl2026 and quick");
        };
        return SHIPPED.computeIfAbsent(resource, ProfileRepository::load);
    }

    /**
     * A catalogue player's shipped profile, the one way the agents and the room look a player up: IPL 2025's file
     * (which covers the quick catalogue's players too), then IPL 2026's (data to the day before that auction). A player
     * is found by catalogue id and name in the 2025 file, then in the 2026 file, then by unique name in either, 2025's
     * first. The 2025 file comes first because a player does not say which catalogue he is from: a 2025 player must
     * never see a later season (the cut-off), and the few who have the same id and name in both catalogues (14:
     * retained stars such as R-RCB-1 Virat Kohli, and 288 Nishanth Saranu) are the same people, rated in 2026 from
     * data to 2024. A player of a user's own catalogue is found by name alone, if at all.
     */
    public static Optional<PlayerProfile> shipped(Player player) {
        ProfileRepository ipl2025 = fromClasspath("ipl2025");
        ProfileRepository ipl2026 = fromClasspath("ipl2026");
        return ipl2025.byIdAndName(player)
                .or(() -> ipl2026.byIdAndName(player))
                .or(() -> ipl2025.byName(player.name()))
                .or(() -> ipl2026.byName(player.name()));
    }

    private Optional<PlayerProfile> byIdAndName(Player player) {
        return byId(player.id())
                .filter(profile -> profile.name() != null
                        && player.name() != null
                        && key(profile.name()).equals(key(player.name())));
    }

    private static ProfileRepository load(String resource) {
        try (InputStream in = ProfileRepository.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProfileDataException("no " + resource + " on the classpath: run scripts/refresh-profiles.sh");
            }
            return new ProfileRepository(ProfileDocument.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public Optional<PlayerProfile> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The profile of the only player with this name (case and spacing aside); empty for a name two players share. */
    public Optional<PlayerProfile> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
    }

    public List<PlayerProfile> all() {
        return document.profiles();
    }

    public LocalDate cutoff() {
        return document.cutoffDate();
    }

    public ProfileDocument.Source source() {
        return document.source();
    }

    public ProfileDocument document() {
        return document;
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
