package dev.iplauction.auction.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Which bodies the fast path reads itself: plain bids only, never one that validation would refuse. */
class BidFastPathTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPlainBidIsReadAsItsThreeFields() {
        assertThat(plain("{\"franchise\":\"CSK\",\"lot\":3,\"amount\":200}"))
                .isEqualTo(new AuctionApi.BidRequest("CSK", 3, 200));
        assertThat(plain(" { \"amount\" : 1000000 , \"lot\" : 10000 , \"franchise\" : \"SRH\" } "))
                .isEqualTo(new AuctionApi.BidRequest("SRH", 10_000, 1_000_000));
    }

    @Test
    void anythingUnusualIsLeftToMvc() {
        List<String> unusual = List.of(
                "",
                "[]",
                "null",
                "{}",
                "{\"franchise\":\"CSK\",\"lot\":3}",
                "{\"franchise\":\"csk\",\"lot\":3,\"amount\":200}",
                "{\"franchise\":\" CSK\",\"lot\":3,\"amount\":200}",
                "{\"franchise\":\"XYZ\",\"lot\":3,\"amount\":200}",
                "{\"franchise\":null,\"lot\":3,\"amount\":200}",
                "{\"franchise\":\"CSK\",\"lot\":0,\"amount\":200}",
                "{\"franchise\":\"CSK\",\"lot\":10001,\"amount\":200}",
                "{\"franchise\":\"CSK\",\"lot\":3,\"amount\":0}",
                "{\"franchise\":\"CSK\",\"lot\":3,\"amount\":-5}",
                "{\"franchise\":\"CSK\",\"lot\":3,\"amount\":1000001}",
                "{\"franchise\":\"CSK\",\"lot\":3,\"amount\":99999999999}",
                "{\"franchise\":\"CSK\",\"lot\":\"3\",\"amount\":200}",
                "{\"franchise\":\"CSK\",\"lot\":3.0,\"amount\":200}",
                "{\"franchise\":\"CSK\",\"lot\":null,\"amount\":200}",
                "{\"franchise\":\"CSK\",\"lot\":{},\"amount\":200}",
                "{\"franchise\":\"CSK\",\"lot\":3,\"lot\":4,\"amount\":200}",
                "{\"franchise\":\"CSK\",\"lot\":0,\"lot\":4,\"amount\":200}",
                "{\"franchise\":\"CSK\",\"franchise\":\"MI\",\"lot\":3,\"amount\":200}",
                "{\"franchise\":\"CSK\",\"lot\":3,\"amount\":200,\"note\":1}",
                "{\"franchise\":\"CSK\",\"lot\":3,\"amount\":200} {}",
                "{\"franchise\":\"CSK\",\"lot\":3,\"amount\":200",
                "{\"franchise\":\"CSK\",\"lot\":3,\"amount\":200}x");
        for (String body : unusual) {
            assertThat(plain(body)).as(body).isNull();
        }
    }

    @Test
    void whatTheFastPathTakesValidationWouldTakeToo() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        for (String franchise : List.of("CSK", "MI", "SRH")) {
            for (int lot : new int[] {1, 2, 9_999, 10_000}) {
                for (int amount : new int[] {1, 20, 999_999, 1_000_000}) {
                    AuctionApi.BidRequest bid = plain(
                            "{\"franchise\":\"" + franchise + "\",\"lot\":" + lot + ",\"amount\":" + amount + "}");
                    assertThat(bid).isNotNull();
                    assertThat(validator.validate(bid)).as("%s", bid).isEmpty();
                }
            }
        }
    }

    private static AuctionApi.BidRequest plain(String body) {
        return BidFastPath.plainBid(JSON, body.getBytes(StandardCharsets.UTF_8));
    }
}
