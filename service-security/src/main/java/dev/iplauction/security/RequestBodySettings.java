package dev.iplauction.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cap on every request body ({@code http.max-request-body}, {@code HTTP_MAX_REQUEST_BODY}). Far above any request
 * the services take: a bid, a seat, an auction's settings are well under 1 KB.
 *
 * @param maxRequestBody the largest body taken; larger ones are refused (413) before anything reads them
 */
@ConfigurationProperties("http")
public record RequestBodySettings(@DefaultValue("64KB") DataSize maxRequestBody) {

    public RequestBodySettings {
        if (maxRequestBody == null || maxRequestBody.toBytes() < 1) {
            throw new IllegalArgumentException(
                    "http.max-request-body (HTTP_MAX_REQUEST_BODY) must be at least 1B, got " + maxRequestBody);
        }
    }
}
