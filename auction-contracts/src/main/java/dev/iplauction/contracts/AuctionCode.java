package dev.iplauction.contracts;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one definition of an auction code, for every service: six letters or digits, read in any case and kept in
 * upper case. New codes leave out the look-alikes 0, O, 1 and I, so a code read aloud or off a screen is typed right;
 * a code given in configuration may be any six letters or digits.
 */
public final class AuctionCode {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuctionCode() {}

    /** A fresh code from the unambiguous alphabet. */
    public static String newCode() {
        StringBuilder code = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code trimmed and in upper case; throws {@link IllegalArgumentException} with a sentence that says what is
     * wrong for anything that is not six letters or digits.
     */
    public static String normalise(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!VALID.matcher(upper).matches()) {
            throw new IllegalArgumentException(
                    "an auction code is six letters or digits, such as ABCD12; got '" + shorten(code) + "'");
        }
        return upper;
    }

    public static boolean isValid(String code) {
        return code != null
                && VALID.matcher(code.strip().toUpperCase(Locale.ROOT)).matches();
    }

    // Keeps a pasted paragraph out of an error message.
    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
