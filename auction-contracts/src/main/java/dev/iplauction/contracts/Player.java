package dev.iplauction.contracts;

import java.util.Objects;

/**
 * A player as the auction house offers him: who he is, the set he is in and his base price.
 *
 * @param id stable id within a catalogue: the auction list's serial number for players in the auction, {@code
 *     R-<franchise>-<n>} for retained players
 * @param team2024 the franchise he played for in the previous season (the one that may use a right-to-match card), or
 *     null
 * @param age age on the auction day where known, else null
 */
public record Player(
        String id,
        String name,
        String country,
        boolean overseas,
        Role role,
        boolean capped,
        String setCode,
        Lakh basePrice,
        Franchise team2024,
        Integer age,
        String battingHand,
        String bowlingStyle) {

    public Player {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(basePrice, "basePrice");
    }
}
