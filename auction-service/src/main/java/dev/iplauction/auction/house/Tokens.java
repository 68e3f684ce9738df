package dev.iplauction.auction.house;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Seat and host tokens: random, unguessable, and kept only as SHA-256 hashes in events and memory. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An invitation to a held seat: the lobby with the rejoin form filled in, so the person only presses Rejoin. */
    public static String invitationLink(String code, dev.iplauction.contracts.Franchise franchise, String token) {
        return "/auctions/" + code + "?franchise=" + franchise.code() + "&token=" + token + "#rejoin";
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
