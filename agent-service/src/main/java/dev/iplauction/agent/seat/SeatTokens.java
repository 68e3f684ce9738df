package dev.iplauction.agent.seat;

import dev.iplauction.contracts.Franchise;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seat token an agent uses for a franchise in an auction: HMAC-SHA256 of the code and franchise under a secret
 * that every agent instance shares. Any instance that takes over a seat computes the same token and so re-takes the
 * seat (never "seat taken"), with nothing to store or hand over; without the secret nobody can compute it.
 */
public final class SeatTokens {

    private final SecretKeySpec key;

    public SeatTokens(String secret) {
        if (secret == null || secret.length() < 8) {
            throw new IllegalArgumentException("the agents' seat secret must be at least 8 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenFor(String auctionCode, Franchise franchise) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((auctionCode + ":" + franchise.code()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
