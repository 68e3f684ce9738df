package dev.iplauction.auction.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The two cookies a browser keeps per auction: {@code host-<CODE>} (the host token) and {@code seat-<CODE>} (the seat
 * token). Both HttpOnly, path /, SameSite=Lax, so a script on another site can neither read them nor post with them.
 */
final class PageCookies {

    static final Duration LIFETIME = Duration.ofDays(30);

    private PageCookies() {}

    static String hostCookie(String code) {
        return "host-" + code;
    }

    static String seatCookie(String code) {
        return "seat-" + code;
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> c.getName().equals(name))
                .map(Cookie::getValue)
                .filter(v -> v != null && !v.isBlank())
                .findFirst();
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, name, value, LIFETIME).toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, name, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .path("/")
                .sameSite("Lax")
                .maxAge(maxAge)
                .build();
    }
}
