package dev.iplauction.auction.house;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Auction codes: six characters. New codes use letters and digits without the look-alikes 0, O, 1 and I, so a code
 * read aloud or off a screen is typed right; a code given in configuration may be any six letters or digits.
 */
public final class AuctionCodes {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuctionCodes() {}

    public static String newCode() {
        StringBuilder code = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code in its canonical (upper) case, or an exception saying what is wrong with it. */
    public static String normalise(String code) {
        String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!VALID.matcher(upper).matches()) {
            throw new IllegalArgumentException(
                    "an auction code is six letters or digits (such as ABCD23), got '" + code + "'");
        }
        return upper;
    }

    public static boolean isValid(String code) {
        return code != null
                && VALID.matcher(code.trim().toUpperCase(Locale.ROOT)).matches();
    }
}
