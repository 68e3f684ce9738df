package dev.iplauction.agent.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading the page's {@code window.__auction} (the house's AuctionView JSON) and the init script's other pushes. */
class RoomViewJsonTests {

    /** A snapshot as the house sends it, with a field this agent does not know. */
    static final String VIEW = """
            {"code":"ABC123","name":"Quick auction","phase":"RUNNING","round":"MAIN","seq":42,
             "serverTime":"2026-11-25T10:00:00.500Z",
             "rules":{"minSquad":4,"maxSquad":8,"maxOverseas":3,"minBasePrice":30,"bidWindowMillis":10000,
                      "acceleratedWindowMillis":5000,"rtmWindowMillis":8000},
             "lot":{"number":3,"stage":"BIDDING",
                    "player":{"id":"17","name":"Ravindra Jadeja","country":"India","overseas":false,
                              "role":"ALL_ROUNDER","capped":true,"setCode":"AL1","basePrice":200,"team2024":"CSK",
                              "age":35,"battingHand":"Left","bowlingStyle":"Left-arm orthodox"},
                    "basePrice":200,"basePriceDisplay":"₹2 Cr","currentBid":220,"currentBidDisplay":"₹2.2 Cr",
                    "highestBidder":"MI","nextBid":240,"nextBidDisplay":"₹2.4 Cr",
                    "closesAt":"2026-11-25T10:00:08.500Z","remainingMillis":8000,"rtmFranchise":null,"bids":2},
             "franchises":[
               {"code":"CSK","name":"Chennai Super Kings","primaryColour":"#FDB913","secondaryColour":"#0A4595",
                "seatTaken":true,"purse":4000,"purseDisplay":"₹40 Cr","maxBid":3910,"maxBidDisplay":"₹39.1 Cr",
                "squadSize":1,"overseasCount":0,"rtmCards":1,"spent":0,
                "roles":{"BATTER":1,"BOWLER":0,"ALL_ROUNDER":0,"WICKETKEEPER":0}},
               {"code":"MI","name":"Mumbai Indians","seatTaken":false,"purse":3500,"maxBid":3440,"squadSize":2,
                "overseasCount":1,"rtmCards":0,"spent":500,"roles":{"BOWLER":2}},
               {"code":"XYZ","name":"A franchise from the future","seatTaken":true,"purse":1,"maxBid":1,
                "squadSize":0,"overseasCount":0,"rtmCards":0,"spent":0,"roles":{}}],
             "recent":[
               {"lot":2,"round":"MAIN","playerId":"9","playerName":"Jos Buttler","role":"WICKETKEEPER",
                "overseas":true,"soldTo":"MI","price":500,"priceDisplay":"₹5 Cr","rightToMatch":false,
                "skipped":false},
               {"lot":1,"round":"MAIN","playerId":"4","playerName":"Someone","role":"BATTER","overseas":false,
                "soldTo":null,"price":null,"priceDisplay":null,"rightToMatch":false,"skipped":true}],
             "progress":{"lotsDone":2,"lotsRemaining":57,"sold":1,"unsold":1},
             "completionReason":null,
             "somethingNew":{"ignored":true}}
            """;

    private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00.400Z");

    @Test
    void readsEverythingAnAgentNeedsFromTheSnapshot() {
        RoomView view = RoomViewJson.parse(VIEW, RECEIVED);

        assertThat(view.code()).isEqualTo("ABC123");
        assertThat(view.phase()).isEqualTo(RoomView.Phase.RUNNING);
        assertThat(view.round()).isEqualTo(RoomView.Round.MAIN);
        assertThat(view.seq()).isEqualTo(42);
        assertThat(view.serverTime()).isEqualTo(Instant.parse("2026-11-25T10:00:00.500Z"));
        assertThat(view.receivedAt()).isEqualTo(RECEIVED);
        assertThat(view.rules().squad().maxSquad()).isEqualTo(8);
        assertThat(view.rules().squad().minBasePrice()).isEqualTo(Lakh.of(30));
        assertThat(view.rules().bidWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(view.rules().rtmWindow()).isEqualTo(Duration.ofSeconds(8));

        RoomView.Lot lot = view.lot();
        assertThat(lot.number()).isEqualTo(3);
        assertThat(lot.stage()).isEqualTo(RoomView.Stage.BIDDING);
        assertThat(lot.player().name()).isEqualTo("Ravindra Jadeja");
        assertThat(lot.player().role()).isEqualTo(Role.ALL_ROUNDER);
        assertThat(lot.player().team2024()).isEqualTo(Franchise.CSK);
        assertThat(lot.player().basePrice()).isEqualTo(Lakh.of(200));
        assertThat(lot.currentBid()).isEqualTo(Lakh.of(220));
        assertThat(lot.highestBidder()).isEqualTo(Franchise.MI);
        assertThat(lot.nextBid()).isEqualTo(Lakh.of(240));
        assertThat(lot.closesAt()).isEqualTo(Instant.parse("2026-11-25T10:00:08.500Z"));
        assertThat(lot.rtmFranchise()).isNull();
        assertThat(lot.isHeldBy(Franchise.MI, Lakh.of(220))).isTrue();
        assertThat(lot.isHeldBy(Franchise.MI, Lakh.of(240))).isFalse();
        assertThat(lot.isHeldBy(Franchise.CSK, Lakh.of(220))).isFalse();

        assertThat(view.franchises())
                .extracting(RoomView.FranchiseState::franchise)
                .as("a franchise this agent does not know is left out")
                .containsExactly(Franchise.CSK, Franchise.MI);
        RoomView.FranchiseState csk = view.franchise(Franchise.CSK);
        assertThat(csk.seatTaken()).isTrue();
        assertThat(csk.purse()).isEqualTo(Lakh.of(4000));
        assertThat(csk.maxBid()).isEqualTo(Lakh.of(3910));
        assertThat(csk.roles()).containsEntry(Role.BATTER, 1).containsEntry(Role.BOWLER, 0);
        assertThat(view.franchise(Franchise.MI).roles())
                .as("every role, zero where the view has none")
                .containsEntry(Role.BOWLER, 2)
                .containsEntry(Role.WICKETKEEPER, 0)
                .hasSize(4);
        assertThatIllegalArgumentException().isThrownBy(() -> view.franchise(Franchise.RR));

        assertThat(view.recent()).hasSize(2);
        assertThat(view.recent().getFirst().soldTo()).isEqualTo(Franchise.MI);
        assertThat(view.recent().getFirst().price()).isEqualTo(Lakh.of(500));
        assertThat(view.recent().get(1).soldTo()).isNull();
        assertThat(view.recent().get(1).price()).isNull();
        assertThat(view.recent().get(1).skipped()).isTrue();
        assertThat(view.progress()).isEqualTo(new RoomView.Progress(2, 57, 1, 1));
    }

    @Test
    void theTimeLeftIsCorrectedForTheHousesClockAsTheContractSays() {
        RoomView view = RoomViewJson.parse(VIEW, RECEIVED);
        // The house's clock is 100 ms ahead of this machine's: at 10:00:00.400 here it is 10:00:00.500 there.
        assertThat(view.remaining(Instant.parse("2026-11-25T10:00:00.400Z"))).isEqualTo(Duration.ofMillis(8000));
        assertThat(view.remaining(Instant.parse("2026-11-25T10:00:08.000Z"))).isEqualTo(Duration.ofMillis(400));
        assertThat(view.remaining(Instant.parse("2026-11-25T10:00:09.000Z"))).isZero();

        RoomView paused = RoomViewJson.parse(VIEW.replace("\"RUNNING\"", "\"PAUSED\""), RECEIVED);
        assertThat(paused.remaining(Instant.parse("2026-11-25T11:00:00Z"))).isEqualTo(Duration.ofMillis(8000));
    }

    @Test
    void aSnapshotWithoutALotAndWithUnknownNamesStillReads() {
        String between = VIEW.replaceFirst("(?s)\"lot\":\\{\"number\":3.*?\"bids\":2},", "\"lot\":null,")
                .replace("\"RUNNING\"", "\"INTERVAL\"")
                .replace("\"round\":\"MAIN\",\"seq\"", "\"round\":\"SUPER_OVER\",\"seq\"");

        RoomView view = RoomViewJson.parse(between, RECEIVED);

        assertThat(view.lot()).isNull();
        assertThat(view.currentLot()).isEmpty();
        assertThat(view.phase()).isEqualTo(RoomView.Phase.UNKNOWN);
        assertThat(view.round()).isEqualTo(RoomView.Round.UNKNOWN);
        assertThat(view.remaining(RECEIVED)).isZero();
    }

    @Test
    void somethingThatIsNotASnapshotIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> RoomViewJson.parse("[]", RECEIVED));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RoomViewJson.parse("{\"phase\":\"RUNNING\"}", RECEIVED))
                .withMessageContaining("'code'");
    }

    @Test
    void readsARefusalAsLastRefusalShowsIt() {
        Instant seen = Instant.parse("2026-11-25T10:00:01Z");
        Refusal refusal = PagePushes.refusal(
                EventJson.mapper()
                        .readTree("{\"reason\":\"stale\",\"status\":409,\"lot\":\"3\",\"amount\":\"240\",\"count\":2,"
                                + "\"message\":\"That bid is no longer the next one.\"}"),
                seen);

        assertThat(refusal)
                .isEqualTo(new Refusal("stale", 409, 3, Lakh.of(240), 2, "That bid is no longer the next one.", seen));
        assertThat(refusal.concerns(3, Lakh.of(240))).isTrue();
        assertThat(refusal.concerns(3, Lakh.of(260))).isFalse();

        Refusal hostRefusal = PagePushes.refusal(
                EventJson.mapper().readTree("{\"reason\":\"not-host\",\"status\":403,\"lot\":\"\",\"amount\":\"\"}"),
                seen);
        assertThat(hostRefusal.lot()).isNull();
        assertThat(hostRefusal.amount()).isNull();
        assertThat(hostRefusal.concerns(3, Lakh.of(240))).isFalse();
    }

    @Test
    void readsWhatAPageSaysItIs() {
        var report = PageReport.parse(EventJson.mapper()
                .readTree(
                        "{\"kind\":\"page\",\"doc\":\"d1\",\"page\":\"lobby\",\"url\":\"http://h/auctions/ABC123/seats\","
                                + "\"status\":0,\"message\":\"MI's seat is taken\",\"franchise\":\"\",\"phase\":\"LOBBY\","
                                + "\"seatsTaken\":[\"MI\",\"XYZ\"]}"));

        assertThat(report.doc()).isEqualTo("d1");
        assertThat(report.page()).isEqualTo("lobby");
        assertThat(report.isProblem()).isFalse();
        assertThat(report.franchise()).isNull();
        assertThat(report.seatsTaken()).containsExactly(Franchise.MI);

        var notFound =
                PageReport.parse(EventJson.mapper().readTree("{\"doc\":\"d2\",\"page\":\"problem\",\"status\":404}"));
        assertThat(notFound.isProblem()).isTrue();
        assertThat(notFound.status()).isEqualTo(404);
    }

    @Test
    void readsAClickAnswer() {
        assertThat(Click.fromPage("clicked")).isEqualTo(new Click(true, ""));
        assertThat(Click.fromPage("not:highest-bidder")).isEqualTo(new Click(false, "highest-bidder"));
        assertThat(Click.fromPage("not:moved-on")).isEqualTo(new Click(false, Click.MOVED_ON));
        assertThat(Click.fromPage(null)).isEqualTo(new Click(false, "null"));
    }

    @Test
    void readsTheBrowsersFractionalMilliseconds() {
        var at = PagePushes.browserTime(EventJson.mapper().readTree("1764064800123.456"));
        assertThat(at).isEqualTo(Instant.ofEpochMilli(1764064800123L).plusNanos(456_000));
    }
}
