package dev.iplauction.profiles;

import dev.iplauction.contracts.Franchise;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which franchise's home a Cricsheet venue is. Cricsheet spells a ground several ways over the years ("Feroz Shah
 * Kotla", "Arun Jaitley Stadium, Delhi"), so a venue is matched on the words that identify the ground. Punjab's home
 * counts both Mullanpur (from 2024) and Mohali (before).
 */
final class HomeGrounds {

    private static final Map<Franchise, List<String>> NAMES = Map.of(
            Franchise.CSK, List.of("chidambaram"),
            Franchise.DC, List.of("arun jaitley", "feroz shah kotla"),
            Franchise.GT, List.of("narendra modi", "sardar patel stadium"),
            Franchise.KKR, List.of("eden gardens"),
            Franchise.LSG, List.of("ekana"),
            Franchise.MI, List.of("wankhede"),
            Franchise.PBKS, List.of("yadavindra", "punjab cricket association"),
            Franchise.RCB, List.of("chinnaswamy"),
            Franchise.RR, List.of("sawai mansingh"),
            Franchise.SRH, List.of("rajiv gandhi international"));

    private HomeGrounds() {}

    static Optional<Franchise> of(String venue) {
        String lower = venue.toLowerCase(Locale.ROOT);
        for (Franchise franchise : Franchise.values()) {
            if (NAMES.get(franchise).stream().anyMatch(lower::contains)) {
                return Optional.of(franchise);
            }
        }
        return Optional.empty();
    }
}
