package dev.iplauction.auction.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens in the pages' forms against cross-site request forgery: SameSite cookies do not stop a page on another port
 * of the same host from posting the host's buttons. A form's token is an HMAC, under a key this process draws at
 * start, of the auction and the host and seat cookies the browser had when the page was made; a post must carry the
 * token for the cookies it arrives with. A page elsewhere knows neither the key nor the cookies, so it cannot make one.
 */
final class FormTokens {

    static final String FIELD = "_csrf";

    private static final SecretKeySpec KEY;

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        KEY = new SecretKeySpec(key, "HmacSHA256");
    }

    private FormTokens() {}

    static String token(HttpServletRequest request, String code) {
        return token(
                code,
                PageCookies.read(request, PageCookies.hostCookie(code)).orElse(""),
                PageCookies.read(request, PageCookies.seatCookie(code)).orElse(""));
    }

    static String token(String code, String hostCookie, String seatCookie) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(KEY);
            byte[] digest =
                    mac.doFinal((code + "\n" + hostCookie + "\n" + seatCookie).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    static boolean valid(HttpServletRequest request, String code) {
        String given = request.getParameter(FIELD);
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8),
                        token(request, code).getBytes(StandardCharsets.UTF_8));
    }
}
