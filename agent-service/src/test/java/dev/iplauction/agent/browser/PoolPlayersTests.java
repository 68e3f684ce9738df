package dev.iplauction.agent.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the pool page's rows (what {@link PageScripts#READ_POOL} answers) into players. */
class PoolPlayersTests {

    private static final String URL = "http://localhost:8080/auctions/ABC123/pool";

    private static List<Player> read(String json) {
        return PoolReader.poolPlayers(EventJson.mapper().readTree(json), URL);
    }

    @Test
    void everyRowBecomesThePlayerItDescribes_inOrder() {
        List<Player> players = read("""
                {"page":"pool","status":0,"message":"","count":2,"players":[
                  {"testid":"pool-player","playerId":"1","position":"1","set":"M1","basePrice":"200",
                   "name":"Jos Buttler","country":"England","overseas":"true","role":"WICKETKEEPER","capped":"true",
                   "team2024":"RR","age":"34","battingHand":"RHB","bowlingStyle":"RIGHT ARM Off Spin",
                   "secondChance":"false"},
                  {"playerId":"9","position":"2","set":"UBO1","basePrice":"30","name":"A. N. Other",
                   "country":"India","overseas":"false","role":"BOWLER","capped":"false"}
                ]}""");

        assertThat(players)
                .containsExactly(
                        new Player(
                                "1",
                                "Jos Buttler",
                                "England",
                                true,
                                Role.WICKETKEEPER,
                                true,
                                "M1",
                                Lakh.of(200),
                                Franchise.RR,
                                34,
                                "RHB",
                                "RIGHT ARM Off Spin"),
                        new Player(
                                "9",
                                "A. N. Other",
                                "India",
                                false,
                                Role.BOWLER,
                                false,
                                "UBO1",
                                Lakh.of(30),
                                null,
                                null,
                                null,
                                null));
    }

    @Test
    void anEmptyPoolIsAnEmptyList() {
        assertThat(read("{\"page\":\"pool\",\"count\":0,\"players\":[]}")).isEmpty();
    }

    @Test
    void anotherPageOrAnUnreadableRowFailsTheReadAndSaysWhy() {
        assertThatThrownBy(() -> read("{\"page\":\"problem\",\"status\":404,\"message\":\"No auction ABC123\"}"))
                .isInstanceOf(PageActionFailed.class)
                .hasMessageContaining("got the 'problem' page (404): No auction ABC123");
        assertThatThrownBy(() -> read("""
                        {"page":"pool","count":2,"players":[
                          {"playerId":"1","basePrice":"200","name":"A","role":"BATTER"},
                          {"playerId":"2","basePrice":"200","name":"B","role":"WIZARD"}]}"""))
                .isInstanceOf(PageActionFailed.class)
                .hasMessageContaining("pool row 2")
                .hasMessageContaining("WIZARD");
        assertThatThrownBy(() -> read("""
                        {"page":"pool","count":1,"players":[{"playerId":"1","basePrice":"2 Cr","name":"A","role":"BATTER"}]}""")).isInstanceOf(PageActionFailed.class).hasMessageContaining("not whole lakh");
        assertThatThrownBy(() -> read("""
                        {"page":"pool","count":1,"players":[{"playerId":"1","basePrice":"20","name":"A","role":"BATTER","team2024":"XYZ"}]}"""))
                .isInstanceOf(PageActionFailed.class)
                .hasMessageContaining("unknown franchise 'XYZ'");
        assertThatThrownBy(() -> read("{\"page\":\"pool\",\"count\":3,\"players\":[]}"))
                .isInstanceOf(PageActionFailed.class)
                .hasMessageContaining("says 3 players but lists 0");
    }
}
