package dev.iplauction.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Lets a request through to a protected path only with {@code Authorization: Bearer <operator token>}; anything else
 * gets 401 and an RFC 9457 problem. A rule is a path pattern ({@code /api/**}), optionally after one HTTP method
 * ({@code POST /api/replay/**}).
 */
public final class OperatorTokenFilter extends OncePerRequestFilter {

    private record Rule(String method, PathPattern pattern) {
        boolean matches(HttpServletRequest request, PathContainer path) {
            return (method == null || method.equalsIgnoreCase(request.getMethod())) && pattern.matches(path);
        }
    }

    private final byte[] token;
    private final List<Rule> rules;

    public OperatorTokenFilter(String token, List<String> rules) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.rules = rules.stream().map(OperatorTokenFilter::parse).toList();
    }

    private static Rule parse(String rule) {
        String[] parts = rule.strip().split("\\s+", 2);
        if (parts.length == 2) {
            return new Rule(parts[0].toUpperCase(Locale.ROOT), PathPatternParser.defaultInstance.parse(parts[1]));
        }
        return new Rule(null, PathPatternParser.defaultInstance.parse(parts[0]));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer path = PathContainer.parsePath(uri);
        if (rules.stream().noneMatch(r -> r.matches(request, path)) || authorised(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"operator\"");
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"this needs the operator token: Authorization: Bearer <token>"
                        + " (OPERATOR_TOKEN, or scripts/operator-token.sh prints it)\",\"reason\":\"operator-token\"}");
    }

    private boolean authorised(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }
}
