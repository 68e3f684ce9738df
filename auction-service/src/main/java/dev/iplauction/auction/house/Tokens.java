package dev.iplauction.auction.house;

import dev.iplauction.security.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Seat and host tokens: random, unguessable, and kept only as SHA-256 hashes in events and memory. */
public final class Tokens {

    // Every bid hashes its seat token: cloning a digest is cheaper than finding the provider again (2.5 % of a bid's
    // CPU in bench-bids). The prototype itself is never used, so it needs no lock.
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Tokens() {}

    /** A new random token, made as every secret of the project is ({@link SecretFiles#newSecret()}). */
    public static String newToken() {
        return SecretFiles.newSecret();
    }

    /** An invitation to a held seat: the lobby with the rejoin form filled in, so the person only presses Rejoin. */
    public static String invitationLink(String code, dev.iplauction.contracts.Franchise franchise, String token) {
        return "/auctions/" + code + "?franchise=" + franchise.code() + "&token=" + token + "#rejoin";
    }

    public static String hash(String token) {
        try {
            byte[] digest = ((MessageDigest) SHA_256.clone()).digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
