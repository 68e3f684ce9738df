package dev.iplauction.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second net under "secrets are never logged": anything shaped like a token is replaced before a line leaves
 * the service. Token-shaped means a bearer credential, a value after a key that names a token, secret or password,
 * or a run of 32 or more URL-safe Base64 characters mixing upper case, lower case and digits (the house's tokens,
 * HMAC seat tokens, generated secrets). Hex ids, UUIDs and words stay readable.
 */
final class Redaction {

    static final String REDACTED = "[redacted]";

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern KEYED =
            Pattern.compile("(?i)((?:token|secret|password|passwd)\\s*[:=]\\s*)([^\\s,;\"')(]{8,})");
    private static final Pattern RANDOM_RUN = Pattern.compile("[A-Za-z0-9_-]{32,}");

    private Redaction() {}

    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = BEARER.matcher(text).replaceAll("$1" + REDACTED);
        out = KEYED.matcher(out).replaceAll("$1" + REDACTED);
        Matcher runs = RANDOM_RUN.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (runs.find()) {
            runs.appendReplacement(sb, looksRandom(runs.group()) ? REDACTED : Matcher.quoteReplacement(runs.group()));
        }
        runs.appendTail(sb);
        return sb.toString();
    }

    private static boolean looksRandom(String run) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return upper && lower && digit;
    }
}
