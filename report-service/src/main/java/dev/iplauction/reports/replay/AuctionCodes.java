package dev.iplauction.reports.replay;

import java.util.Locale;
import java.util.regex.Pattern;

/** Auction codes as the auction house makes them: six letters or digits, read in any case. */
public final class AuctionCodes {

    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{6}");

    private AuctionCodes() {}

    /**
     * The code in upper case; throws {@link IllegalArgumentException} with a sentence that says what is wrong for
     * anything that is not six letters or digits.
     */
    public static String normalise(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!VALID.matcher(upper).matches()) {
            throw new IllegalArgumentException(
                    "an auction code is six letters or digits, such as ABCD12; got '" + shorten(code) + "'");
        }
        return upper;
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
