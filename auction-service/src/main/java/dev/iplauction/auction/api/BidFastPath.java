package dev.iplauction.auction.api;

import dev.iplauction.contracts.Franchise;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bid, the house's busiest request by far, answered without Spring MVC's general dispatch. A plain bid (a JSON
 * body with a declared length, exactly a franchise's code, a lot and an amount within {@link AuctionApi.BidRequest}'s
 * bounds: see {@link #plainBid}) goes straight to {@link AuctionApi#bid}, and a refusal goes through MVC's own
 * exception resolver with that method as the handler, so it comes out as the same problem ({@link Problems}). Anything
 * else (another content type or {@code Accept}, a chunked, unreadable, invalid or merely unusual body) goes on to MVC
 * with its body replayed, and is bound, validated and answered as every other request. Nothing is decided twice: a bid
 * reaches the house once, on one path or the other.
 *
 * <p>Why: measured with {@code scripts/bench-bids.sh}, MVC's handler lookup, argument binding and reply negotiation
 * around the bid took more of the house's CPU than the bid itself (README, Benchmarks).
 */
final class BidFastPath extends HttpFilter {

    /** The bid's route, as the request metrics name it ({@code uri} tag). */
    static final String ROUTE = "/api/auctions/{code}/bids";

    private static final String PREFIX = "/api/auctions/";
    private static final String SUFFIX = "/bids";

    private final AuctionApi api;
    private final JsonMapper json;
    private final ObjectWriter receipts;
    private final HandlerExceptionResolver refusals;
    private final HandlerMethod handler;

    BidFastPath(AuctionApi api, JsonMapper json, HandlerExceptionResolver refusals) {
        this.api = api;
        this.json = json;
        this.receipts = json.writerFor(AuctionApi.Bid.class); // made once: a lookup per request showed in profiles
        this.refusals = refusals;
        try {
            this.handler = new HandlerMethod(
                    api,
                    AuctionApi.class.getDeclaredMethod("bid", String.class, AuctionApi.BidRequest.class, String.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("AuctionApi.bid changed: BidFastPath must call it as MVC does", e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String code = codeOf(request);
        int length = request.getContentLength(); // capped by RequestBodyLimitFilter before this runs
        if (code == null
                || length < 0
                || !"POST".equals(request.getMethod())
                || !isJson(request.getContentType())
                || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(length);
        AuctionApi.BidRequest bid = plainBid(json, body);
        if (bid == null) {
            chain.doFilter(new Replayed(request, body), response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(ROUTE));
        AuctionApi.Bid receipt;
        try {
            receipt = api.bid(code, bid, request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (RuntimeException refused) {
            if (refusals.resolveException(request, response, handler, refused) == null) {
                throw refused;
            }
            return;
        }
        byte[] reply = receipts.writeValueAsBytes(receipt);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(reply.length);
        response.getOutputStream().write(reply);
    }

    /** The auction's code when the path is exactly {@link #ROUTE}'s shape with a plain code; otherwise null. */
    private static String codeOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
            return null;
        }
        String code = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return null; // an encoded, nested or empty segment: MVC decides what it means
            }
        }
        return code.isEmpty() ? null : code;
    }

    /**
     * The body as a bid when it plainly is one, else null for MVC to bind, validate and answer. Plainly: one JSON object
     * with exactly {@code franchise} (a franchise's code as the house writes it), {@code lot} and {@code amount} (JSON
     * whole numbers within the bounds {@link AuctionApi.BidRequest} declares), each once, and nothing after it. That is
     * stricter than the record's validation, so nothing taken here would have been refused there; what it leaves (a
     * code in lower case, a number in quotes, a field more) MVC still plays. Read as a stream: binding the record and
     * validating it was a tenth of the house's CPU per bid (bench-bids, flight recording).
     */
    static AuctionApi.BidRequest plainBid(JsonMapper json, byte[] body) {
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String franchise = null;
            Integer lot = null;
            Integer amount = null;
            for (String name; (name = p.nextName()) != null; ) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "franchise" -> {
                        if (franchise != null || value != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        franchise = p.getString();
                    }
                    case "lot" -> {
                        lot = lot == null ? wholeNumber(p, value, AuctionApi.MAX_LOT) : null;
                        if (lot == null) {
                            return null;
                        }
                    }
                    case "amount" -> {
                        amount = amount == null ? wholeNumber(p, value, AuctionApi.MAX_PURSE_LAKH) : null;
                        if (amount == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (lot == null || amount == null || p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null; // a field missing, or more after the object
            }
            boolean aCode = franchise != null
                    && Franchise.fromCode(franchise)
                            .map(Franchise::code)
                            .filter(franchise::equals)
                            .isPresent();
            return aCode ? new AuctionApi.BidRequest(franchise, lot, amount) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** A JSON whole number from 1 to max, or null. */
    private static Integer wholeNumber(JsonParser p, JsonToken value, int max) {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return null;
        }
        int n = p.getIntValue();
        return n >= 1 && n <= max ? n : null;
    }

    /** Exactly application/json, parameters aside: MVC answers the rest (application/json-seq is not JSON to it). */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return type.strip().equalsIgnoreCase(MediaType.APPLICATION_JSON_VALUE);
    }

    private static boolean acceptsJson(String accept) {
        return accept == null
                || accept.contains(MediaType.APPLICATION_JSON_VALUE)
                || accept.contains("*/*")
                || accept.contains("application/*");
    }

    /** The request with its body, already read, to read again. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<BidFastPath> bidFastPath(
                AuctionApi api,
                JsonMapper json,
                @Qualifier("handlerExceptionResolver") HandlerExceptionResolver refusals) {
            var registration = new FilterRegistrationBean<>(new BidFastPath(api, json, refusals));
            registration.addUrlPatterns(PREFIX + "*");
            // Right after the body limit (HIGHEST_PRECEDENCE) and the request metrics (+1): the filters after those
            // (the operator token, form content, request context) do nothing for a bid, and cost 9 % of its CPU.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
            return registration;
        }
    }
}
