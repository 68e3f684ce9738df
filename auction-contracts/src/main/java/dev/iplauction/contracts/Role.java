package dev.iplauction.contracts;

/** A player's specialism as the auction list gives it. */
public enum Role {
    BATTER("Batter"),
    BOWLER("Bowler"),
    ALL_ROUNDER("All-rounder"),
    WICKETKEEPER("Wicketkeeper");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
