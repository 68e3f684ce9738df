package dev.iplauction.auction.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set code of the auction list read as its kind and round: {@code M2} is marquee set 2, {@code UAL15} the 15th set
 * of uncapped all-rounders.
 *
 * @param kind M (marquee), BA, AL, WK, FA, SP (capped batters, all-rounders, wicketkeepers, fast bowlers, spinners) or
 *     the same with a U in front for uncapped players
 * @param round the number after the kind, from 1
 */
record SetCode(String kind, int round) {

    static final String MARQUEE = "M";

    /** The kinds of a round after the marquee sets, in the order they come up. */
    static final List<String> ROUND_KINDS = List.of("BA", "AL", "WK", "FA", "SP", "UBA", "UAL", "UWK", "UFA", "USP");

    private static final Pattern PATTERN = Pattern.compile("(M|BA|AL|WK|FA|SP|UBA|UAL|UWK|UFA|USP)([1-9][0-9]{0,2})");

    /** The set code read, or empty for anything that is not a set of the official list (null, "Retained", "X1"). */
    static Optional<SetCode> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher matcher = PATTERN.matcher(code);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SetCode(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }

    boolean marquee() {
        return kind.equals(MARQUEE);
    }
}
