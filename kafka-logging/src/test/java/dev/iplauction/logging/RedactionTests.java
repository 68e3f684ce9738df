package dev.iplauction.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTests {

    @Test
    void tokenShapedSecretsAreRedacted() {
        String hostToken =
                "kq3ZrT0x9VbW_u7-LmN2pQ8sYd4eFgHa"; // 24 random bytes, URL-safe Base64, as the house makes them
        assertThat(Redaction.redact("auction ABCD12 created; host token " + hostToken))
                .isEqualTo("auction ABCD12 created; host token [redacted]")
                .doesNotContain(hostToken);
        assertThat(Redaction.redact("Authorization: Bearer abc.def-123")).doesNotContain("abc.def-123");
        assertThat(Redaction.redact("seat-secret=hunter2hunter2")).isEqualTo("seat-secret=[redacted]");
        assertThat(Redaction.redact("password: s3cr3t-value")).doesNotContain("s3cr3t-value");
    }

    @Test
    void ordinaryTextIdsAndHashesStayReadable() {
        String line =
                "container 3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e restarted; request 123e4567-e89b-12d3-a456-426614174000"
                        + " dev.iplauction.auction.house.AuctionHouseSomethingLong";
        assertThat(Redaction.redact(line)).isEqualTo(line);
        assertThat(Redaction.redact("bid refused: not-your-seat")).isEqualTo("bid refused: not-your-seat");
        assertThat(Redaction.redact(null)).isNull();
    }
}
