package dev.iplauction.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ten IPL franchises, with what a page needs to show them and what a strategy needs to know of them. */
public enum Franchise {
    CSK("Chennai Super Kings", "#FDB913", "#0A4595", "MA Chidambaram Stadium", "Chennai"),
    DC("Delhi Capitals", "#17479E", "#EF1B23", "Arun Jaitley Stadium", "Delhi"),
    GT("Gujarat Titans", "#1B2133", "#DBBE6E", "Narendra Modi Stadium", "Ahmedabad"),
    KKR("Kolkata Knight Riders", "#3A225D", "#D4AF37", "Eden Gardens", "Kolkata"),
    LSG("Lucknow Super Giants", "#0057A8", "#F28B00", "Ekana Cricket Stadium", "Lucknow"),
    MI("Mumbai Indians", "#004BA0", "#D1AB3E", "Wankhede Stadium", "Mumbai"),
    PBKS("Punjab Kings", "#DD1F2D", "#A7A9AC", "Maharaja Yadavindra Singh Stadium", "Mullanpur"),
    RCB("Royal Challengers Bengaluru", "#EC1C24", "#2B2A29", "M Chinnaswamy Stadium", "Bengaluru"),
    RR("Rajasthan Royals", "#EA1A85", "#254AA5", "Sawai Mansingh Stadium", "Jaipur"),
    SRH("Sunrisers Hyderabad", "#F26522", "#1A1A1A", "Rajiv Gandhi International Stadium", "Hyderabad");

    private final String displayName;
    private final String primaryColour;
    private final String secondaryColour;
    private final String homeGround;
    private final String city;

    Franchise(String displayName, String primaryColour, String secondaryColour, String homeGround, String city) {
        this.displayName = displayName;
        this.primaryColour = primaryColour;
        this.secondaryColour = secondaryColour;
        this.homeGround = homeGround;
        this.city = city;
    }

    public String code() {
        return name();
    }

    public String displayName() {
        return displayName;
    }

    public String primaryColour() {
        return primaryColour;
    }

    public String secondaryColour() {
        return secondaryColour;
    }

    public String homeGround() {
        return homeGround;
    }

    public String city() {
        return city;
    }

    /** Reads a franchise code in any case ("mi", "MI"); empty for anything else. */
    public static Optional<Franchise> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_CODE.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** A map, not a search: every bid names its franchise, and the search was 2 % of the house's CPU per bid. */
    private static final Map<String, Franchise> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Franchise::name, Function.identity()));
}
