package dev.iplauction.auction.web;

import static dev.iplauction.auction.web.PageFixtures.CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.AuctionNotFound;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.auction.house.HostAction;
import dev.iplauction.auction.rules.AuctionRefusal;
import dev.iplauction.auction.system.AuctionProperties;
import dev.iplauction.auction.table.TableNotes;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.HeartbeatEvent.Advisor;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(HousePages.class)
@Import({TableStream.class, TableNotes.class, CatalogueChoices.class, HousePagesTests.Catalogues.class})
class HousePagesTests {

    /** The shipped catalogues, as the house has them when AUCTION_CATALOGUE names no file. */
    @TestConfiguration
    @EnableConfigurationProperties(AuctionProperties.class)
    static class Catalogues {
        @Bean
        CatalogueRepository catalogueRepository() {
            return CatalogueRepository.fromClasspath();
        }
    }

    @Autowired
    TableNotes notes;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuctionHouse house;

    @MockitoBean
    LiveUpdates liveUpdates;

    private void running(AuctionView view) {
        given(house.view(CODE)).willReturn(view);
        given(house.squads(CODE)).willReturn(List.of());
        given(house.results(CODE)).willReturn(view.recent());
        given(house.pool(CODE)).willReturn(List.of(PageFixtures.BUTTLER));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pageData(Html page) {
        return EventJson.mapper().readValue(page.script("page-data"), Map.class);
    }

    private Html html(ResultActions result) throws Exception {
        return new Html(result.andReturn().getResponse().getContentAsString());
    }

    // ---- home and creating ----

    @Test
    void homeOffersCreatingAndJoiningAndListsTheAuctions() throws Exception {
        given(house.list()).willReturn(List.of(PageFixtures.lobby(Set.of())));

        Html page = html(mvc.perform(get("/")).andExpect(status().isOk()));

        assertThat(page.has("create-form")).isTrue();
        assertThat(page.has("create-catalogue-ipl2025")).isTrue();
        assertThat(page.has("create-catalogue-quick")).isTrue();
        assertThat(page.has("create-clock-seconds")).isTrue();
        assertThat(page.has("join-form")).isTrue();
        assertThat(page.one("auction-list-item"))
                .containsEntry("data-code", CODE)
                .containsEntry("data-phase", "LOBBY");
    }

    @Test
    void theCreateFormOffersEveryCatalogueTheHouseCanPlayWithWhatIsInIt() throws Exception {
        Html page = html(mvc.perform(get("/")).andExpect(status().isOk()));

        assertThat(page.all("create-catalogue-ipl2025"))
                .singleElement()
                .satisfies(radio -> assertThat(radio)
                        .containsEntry("type", "radio")
                        .containsEntry("value", "ipl2025")
                        .containsKey("checked"));
        assertThat(page.one("create-catalogue-ipl2026")).containsEntry("value", "ipl2026");
        assertThat(page.one("create-catalogue-quick")).containsEntry("value", "quick");
        assertThat(page.toString())
                .contains("IPL 2025 mega auction")
                .contains("IPL 2026 mini auction")
                .contains("Quick auction")
                .contains("574 players, 46 retained")
                .contains("60 players, purses of ₹40 Cr, squads of 4–8, one RTM card each");
    }

    @Test
    void anUnknownCatalogueIsRefusedNamingThePlayableOnes() throws Exception {
        Html page = html(
                mvc.perform(post("/auctions").param("catalogue", "/etc/passwd")).andExpect(status().isBadRequest()));

        assertThat(page.text("form-error"))
                .isEqualTo("There is no catalogue '/etc/passwd' in this house: choose one of ipl2025, ipl2026, quick.");
        then(house).should(never()).create(any(), any());
    }

    @Test
    void creatingKeepsTheHostTokenInAnHttpOnlyCookieAndOpensTheLobby() throws Exception {
        given(house.create(any(), any())).willReturn(new AuctionHouse.Created(CODE, "the-host-token"));

        mvc.perform(post("/auctions")
                        .param("catalogue", "quick")
                        .param("clockSeconds", "2")
                        .param("seed", "42"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/auctions/" + CODE + "?created"))
                .andExpect(header().string(
                                HttpHeaders.SET_COOKIE,
                                allOf(
                                        startsWith("host-" + CODE + "=the-host-token"),
                                        containsString("HttpOnly"),
                                        containsString("Path=/"),
                                        containsString("SameSite=Lax"))));

        var request = ArgumentCaptor.forClass(CreateAuction.class);
        then(house).should().create(request.capture(), any());
        assertThat(request.getValue().catalogue()).isEqualTo("quick");
        assertThat(request.getValue().bidWindowMillis()).isEqualTo(2000L);
        assertThat(request.getValue().acceleratedWindowMillis()).isEqualTo(1000L);
        assertThat(request.getValue().rtmWindowMillis()).isEqualTo(1600L);
        assertThat(request.getValue().seed()).isEqualTo(42L);
    }

    @Test
    void aClockThatIsNotANumberIsRefusedOnTheHomePage() throws Exception {
        given(house.list()).willReturn(List.of());

        Html page =
                html(mvc.perform(post("/auctions").param("catalogue", "quick").param("clockSeconds", "soon"))
                        .andExpect(status().isBadRequest()));

        assertThat(page.text("form-error")).contains("seconds");
        then(house).should(never()).create(any(), any());
    }

    @Test
    void aNameLongerThanSixtyCharactersIsRefusedOnTheHomePage() throws Exception {
        given(house.list()).willReturn(List.of());

        Html page =
                html(mvc.perform(post("/auctions").param("catalogue", "quick").param("name", "x".repeat(61)))
                        .andExpect(status().isBadRequest()));

        assertThat(page.text("form-error")).contains("60 characters");
        then(house).should(never()).create(any(), any());
    }

    // ---- lobby ----

    @Test
    void theLobbyShowsEverySeatWithATakeButtonForTheFreeOnes() throws Exception {
        given(house.view(CODE)).willReturn(PageFixtures.lobby(Set.of(Franchise.MI)));
        given(house.squads(CODE)).willReturn(List.of());

        Html page = html(mvc.perform(get("/auctions/" + CODE)).andExpect(status().isOk()));

        assertThat(page.text("auction-code")).isEqualTo(CODE);
        assertThat(page.one("auction-phase")).containsEntry("data-phase", "LOBBY");
        for (Franchise f : Franchise.values()) {
            assertThat(page.one("seat-" + f.code()))
                    .containsEntry("data-franchise", f.code())
                    .containsEntry("data-taken", String.valueOf(f == Franchise.MI));
            assertThat(page.has("take-seat-" + f.code())).isTrue();
        }
        assertThat(page.all("purse")).hasSize(10).allSatisfy(p -> assertThat(p).containsEntry("data-lakh", "4000"));
        assertThat(page.all("seat-status"))
                .extracting(s -> s.get("data-status"))
                .containsOnly("free", "taken");
        assertThat(page.has("rejoin-form")).isTrue();
        assertThat(page.has("host-token-form")).isTrue();
        assertThat(page.has("start-auction")).as("only the host may start").isFalse();
        assertThat(page.has("host-token")).isFalse();
        assertThat(page.has("seat-token")).isFalse();
    }

    @Test
    void theHostSeesTheTokenOnceAfterCreatingAndTheStartButton() throws Exception {
        given(house.view(CODE)).willReturn(PageFixtures.lobby(Set.of()));
        given(house.squads(CODE)).willReturn(List.of());
        given(house.isHost(CODE, "the-host-token")).willReturn(true);
        Cookie host = new Cookie("host-" + CODE, "the-host-token");

        Html first = html(
                mvc.perform(get("/auctions/" + CODE + "?created").cookie(host)).andExpect(status().isOk()));
        Html later = html(mvc.perform(get("/auctions/" + CODE).cookie(host)).andExpect(status().isOk()));

        assertThat(first.text("host-token")).isEqualTo("the-host-token");
        assertThat(first.has("start-auction")).isTrue();
        assertThat(later.has("host-token")).isFalse();
        assertThat(later.has("start-auction")).isTrue();
    }

    @Test
    void takingASeatKeepsTheSeatTokenInACookie() throws Exception {
        given(house.view(CODE)).willReturn(PageFixtures.lobby(Set.of()));
        given(house.claimSeat(CODE, Franchise.CSK, null)).willReturn("csk-token");

        mvc.perform(post("/auctions/" + CODE + "/seats")
                        .param("franchise", "CSK")
                        .param(FormTokens.FIELD, FormTokens.token(CODE, "", "")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/auctions/" + CODE + "#my-seat"))
                .andExpect(header().string(
                                HttpHeaders.SET_COOKIE,
                                allOf(
                                        startsWith("seat-" + CODE + "=csk-token"),
                                        containsString("HttpOnly"),
                                        containsString("SameSite=Lax"))));
    }

    @Test
    void takingTheSeatAgainReusesTheCookiesTokenAndARunningAuctionGoesToTheRoom() throws Exception {
        given(house.view(CODE)).willReturn(PageFixtures.running(Set.of(Franchise.CSK)));
        given(house.seatOf(CODE, "csk-token")).willReturn(Optional.of(Franchise.CSK));
        given(house.claimSeat(CODE, Franchise.CSK, "csk-token")).willReturn("csk-token");

        mvc.perform(post("/auctions/" + CODE + "/seats")
                        .param("franchise", "CSK")
                        .param(FormTokens.FIELD, FormTokens.token(CODE, "", "csk-token"))
                        .cookie(new Cookie("seat-" + CODE, "csk-token")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/auctions/" + CODE + "/room"));

        then(house).should().claimSeat(CODE, Franchise.CSK, "csk-token");
    }

    @Test
    void rejoiningWithATokenUsesThatToken() throws Exception {
        given(house.view(CODE)).willReturn(PageFixtures.lobby(Set.of(Franchise.RR)));
        given(house.claimSeat(CODE, Franchise.RR, "rr-token")).willReturn("rr-token");

        mvc.perform(post("/auctions/" + CODE + "/seats")
                        .param("franchise", "rr")
                        .param("token", " rr-token ")
                        .param(FormTokens.FIELD, FormTokens.token(CODE, "", "")))
                .andExpect(status().isFound())
                .andExpect(header().string(HttpHeaders.SET_COOKIE, startsWith("seat-" + CODE + "=rr-token")));
    }

    @Test
    void aRejoinThatAsksForTheRoomGoesThereBeforeTheStart() throws Exception {
        given(house.view(CODE)).willReturn(PageFixtures.lobby(Set.of()));
        given(house.claimSeat(CODE, Franchise.RR, "rr-token")).willReturn("rr-token");

        mvc.perform(post("/auctions/" + CODE + "/seats")
                        .param("franchise", "RR")
                        .param("token", "rr-token")
                        .param("then", "room")
                        .param(FormTokens.FIELD, FormTokens.token(CODE, "", "")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/auctions/" + CODE + "/room"));
    }

    @Test
    void aRejoinThatAsksToGoElsewhereIsRefusedAndTakesNoSeat() throws Exception {
        Html page = html(mvc.perform(post("/auctions/" + CODE + "/seats")
                        .param("franchise", "RR")
                        .param("token", "rr-token")
                        .param("then", "https://elsewhere.example")
                        .param(FormTokens.FIELD, FormTokens.token(CODE, "", "")))
                .andExpect(status().isBadRequest()));

        assertThat(page.text("error-message")).contains("'lobby' or 'room'");
        then(house).should(never()).claimSeat(any(), any(), any());
    }

    @Test
    void aTakenSeatIsRefusedOnTheLobbyPage() throws Exception {
        given(house.view(CODE)).willReturn(PageFixtures.lobby(Set.of(Franchise.MI)));
        given(house.squads(CODE)).willReturn(List.of());
        given(house.claimSeat(eq(CODE), eq(Franchise.MI), isNull()))
                .willThrow(new AuctionRefusal(RefusalReason.SEAT_TAKEN, "MI's seat is taken"));

        var result = mvc.perform(post("/auctions/" + CODE + "/seats")
                        .param("franchise", "MI")
                        .param(FormTokens.FIELD, FormTokens.token(CODE, "", "")))
                .andExpect(status().isConflict())
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));

        assertThat(html(result).text("form-error")).isEqualTo("MI's seat is taken");
    }

    @Test
    void aWrongHostTokenIsRefused() throws Exception {
        given(house.view(CODE)).willReturn(PageFixtures.lobby(Set.of()));
        given(house.squads(CODE)).willReturn(List.of());

        mvc.perform(post("/auctions/" + CODE + "/host-token")
                        .param("token", "guess")
                        .param(FormTokens.FIELD, FormTokens.token(CODE, "", "")))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void theHostStartsFromTheLobbyWithTheCookiesToken() throws Exception {
        mvc.perform(post("/auctions/" + CODE + "/host/start")
                        .param(FormTokens.FIELD, FormTokens.token(CODE, "the-host-token", ""))
                        .cookie(new Cookie("host-" + CODE, "the-host-token")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/auctions/" + CODE + "/room"));

        then(house).should().host(CODE, "the-host-token", HostAction.START);
    }

    @Test
    void aHostButtonPostedFromAnotherPageWithTheCookieButWithoutTheFormTokenDoesNothing() throws Exception {
        running(PageFixtures.lobby(Set.of()));
        Cookie host = new Cookie("host-" + CODE, "the-host-token");
        mvc.perform(post("/auctions/" + CODE + "/host/end").cookie(host)).andExpect(status().isForbidden());
        mvc.perform(post("/auctions/" + CODE + "/host/end")
                        .param(FormTokens.FIELD, FormTokens.token(CODE, "another-host-token", ""))
                        .cookie(host))
                .andExpect(status().isForbidden());
        mvc.perform(post("/auctions/" + CODE + "/seats/leave").cookie(new Cookie("seat-" + CODE, "csk-token")))
                .andExpect(status().isForbidden());
        then(house).should(never()).host(any(), any(), any());
        then(house).should(never()).releaseSeat(any(), any());
    }

    @Test
    void theLobbysFormsCarryTheFormToken() throws Exception {
        running(PageFixtures.lobby(Set.of()));
        String body = mvc.perform(get("/auctions/" + CODE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("name=\"_csrf\" value=\"" + FormTokens.token(CODE, "", "") + "\"");
    }

    // ---- the room ----

    @Test
    void theRoomShowsTheLotAndLetsASeatedFranchiseBid() throws Exception {
        running(PageFixtures.running(Set.of(Franchise.CSK, Franchise.MI)));
        given(house.seatOf(CODE, "csk-token")).willReturn(Optional.of(Franchise.CSK));

        Html page = html(mvc.perform(get("/auctions/" + CODE + "/room").cookie(new Cookie("seat-" + CODE, "csk-token")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store")));

        assertThat(page.text("lot-player-name")).isEqualTo("Jos Buttler");
        assertThat(page.text("lot-player-id")).isEqualTo("7");
        assertThat(page.one("lot-number")).containsEntry("data-lot", "2");
        assertThat(page.one("lot-player-role")).containsEntry("data-role", "WICKETKEEPER");
        assertThat(page.text("lot-player-country")).isEqualTo("England");
        assertThat(page.one("lot-player-overseas")).containsEntry("data-overseas", "true");
        assertThat(page.one("lot-base-price")).containsEntry("data-lakh", "200");
        assertThat(page.one("lot-stage")).containsEntry("data-stage", "BIDDING");
        assertThat(page.one("round")).containsEntry("data-round", "MAIN");
        assertThat(page.one("current-bid")).containsEntry("data-lakh", "210");
        assertThat(page.one("high-bidder")).containsEntry("data-franchise", "MI");
        assertThat(page.one("clock"))
                .containsEntry("data-closes-at", "2025-11-24T10:00:01.500Z")
                .containsEntry("data-remaining-ms", "1500");
        assertThat(page.one("bid-button"))
                .containsEntry("data-amount", "220")
                .containsEntry("data-lot", "2")
                .doesNotContainKey("disabled");
        assertThat(page.one("bid-button").get("data-reason")).isNullOrEmpty();
        assertThat(page.one("my-franchise")).containsEntry("data-franchise", "CSK");
        assertThat(page.has("rtm-panel")).isTrue();
        assertThat(page.has("last-refusal")).isTrue();
        for (Franchise f : Franchise.values()) {
            assertThat(page.has("franchise-" + f.code())).isTrue();
        }
        assertThat(page.all("purse")).hasSize(10);
        assertThat(page.all("max-bid"))
                .hasSize(10)
                .allSatisfy(m -> assertThat(m).containsEntry("data-lakh", "3910"));
        assertThat(page.all("squad-size")).hasSize(10);
        assertThat(page.all("overseas-count")).hasSize(10);
        assertThat(page.all("rtm-cards")).hasSize(10);
        assertThat(page.all("seat-status")).hasSize(10);
        assertThat(page.one("feed-item"))
                .containsEntry("data-lot", "1")
                .containsEntry("data-player-id", "3")
                .containsEntry("data-sold-to", "CSK")
                .containsEntry("data-price", "300");
        assertThat(page.has("host-controls")).isFalse();
        Map<String, Object> pageData = pageData(page);
        assertThat(pageData).containsEntry("franchise", "CSK").containsEntry("seatToken", "csk-token");
        assertThat(pageData.get("hostToken")).isNull();
    }

    @Test
    void theRoomSaysTheAiAdviceIsWarmingUpUntilTheLlmAdvises() throws Exception {
        running(PageFixtures.running(Set.of(Franchise.CSK, Franchise.MI)));
        assertThat(html(mvc.perform(get("/auctions/" + CODE + "/room"))).one("advice-status"))
                .as("nothing known of any LLM")
                .containsKey("hidden");

        notes.agentSeated(CODE, Franchise.CSK, Advisor.WARMING_UP);
        Html warming = html(mvc.perform(get("/auctions/" + CODE + "/room")));
        notes.decision(new DecisionMade(
                CODE,
                Franchise.CSK,
                PageFixtures.NOW,
                2,
                "7",
                "Jos Buttler",
                Choice.BID,
                Lakh.of(400),
                Lakh.of(450),
                Source.LLM,
                "a keeper who opens",
                800));
        Html advised = html(mvc.perform(get("/auctions/" + CODE + "/room")));

        assertThat(warming.one("advice-status"))
                .containsEntry("data-status", "warming-up")
                .doesNotContainKey("hidden");
        assertThat(warming.text("advice-status")).startsWith("AI advice warming up");
        assertThat(warming.toString()).contains("role=\"status\" aria-live=\"polite\"");
        assertThat(warming.script("table-data")).contains("\"adviceWarmingUp\":true");
        assertThat(advised.one("advice-status")).containsKey("hidden");
        assertThat(advised.script("table-data")).contains("\"adviceWarmingUp\":false");
    }

    @Test
    void theRoomEmbedsTheViewSoThatNoNameCanCloseTheScript() throws Exception {
        running(PageFixtures.running(Set.of()));

        String html = mvc.perform(get("/auctions/" + CODE + "/room"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        Html page = new Html(html);
        AuctionView embedded = EventJson.mapper().readValue(page.script("auction-data"), AuctionView.class);
        assertThat(embedded.seq()).isEqualTo(17);
        assertThat(embedded.recent().getFirst().playerName()).isEqualTo("Virat Kohli</script>");
        assertThat(html).doesNotContain("Kohli</script>").contains("Kohli&lt;/script&gt;");
    }

    @Test
    void aWatcherAndTheHighestBidderCannotBid() throws Exception {
        running(PageFixtures.running(Set.of(Franchise.MI)));
        given(house.seatOf(CODE, "mi-token")).willReturn(Optional.of(Franchise.MI));

        Html watcher = html(mvc.perform(get("/auctions/" + CODE + "/room")));
        Html leader =
                html(mvc.perform(get("/auctions/" + CODE + "/room").cookie(new Cookie("seat-" + CODE, "mi-token"))));

        assertThat(watcher.one("bid-button")).containsKey("disabled").containsEntry("data-reason", "not-seated");
        assertThat(pageData(watcher).get("seatToken")).isNull();
        assertThat(leader.one("bid-button")).containsKey("disabled").containsEntry("data-reason", "highest-bidder");
    }

    @Test
    void theHostGetsTheControlsAndTheTokenForTheApi() throws Exception {
        running(PageFixtures.running(Set.of()));
        given(house.isHost(CODE, "the-host-token")).willReturn(true);

        Html page = html(
                mvc.perform(get("/auctions/" + CODE + "/room").cookie(new Cookie("host-" + CODE, "the-host-token"))));

        assertThat(page.has("host-pause")).isTrue();
        assertThat(page.has("host-resume")).isTrue();
        assertThat(page.has("host-skip")).isTrue();
        assertThat(page.has("host-end")).isTrue();
        assertThat(page.one("host-pause")).doesNotContainKey("disabled");
        assertThat(page.one("host-resume")).containsKey("disabled");
        assertThat(pageData(page)).containsEntry("hostToken", "the-host-token");
    }

    // ---- squads, pool, results ----

    @Test
    void squadsPoolAndResultsRender() throws Exception {
        running(PageFixtures.running(Set.of()));
        given(house.squads(CODE))
                .willReturn(List.of(new AuctionView.SquadView(
                        "CSK",
                        "Chennai Super Kings",
                        3700,
                        "₹37 Cr",
                        List.of(new AuctionView.SquadEntry(PageFixtures.KOHLI, 300, "₹3 Cr", "BOUGHT")))));

        Html squads = html(mvc.perform(get("/auctions/" + CODE + "/squads")).andExpect(status().isOk()));
        Html pool = html(mvc.perform(get("/auctions/" + CODE + "/pool")).andExpect(status().isOk()));
        Html results = html(mvc.perform(get("/auctions/" + CODE + "/results")).andExpect(status().isOk()));

        assertThat(squads.one("squad-player"))
                .containsEntry("data-player-id", "3")
                .containsEntry("data-price", "300");
        assertThat(squads.one("squad-CSK")).containsEntry("data-franchise", "CSK");
        assertThat(pool.one("pool-player")).containsEntry("data-player-id", "7").containsEntry("data-position", "1");
        assertThat(results.one("results-title")).containsEntry("data-complete", "false");
        assertThat(results.one("result-spend")).containsEntry("data-lakh", "300");
        assertThat(results.one("result-purse")).containsEntry("data-lakh", "3700");
        assertThat(results.one("top-buy")).containsEntry("data-sold-to", "CSK").containsEntry("data-price", "300");
        assertThat(results.text("unsold-count")).isEqualTo("0");
    }

    @Test
    void thePoolDescribesEveryPlayerInItsRowsAttributes() throws Exception {
        running(PageFixtures.running(Set.of()));
        Player unknown = new Player(
                "9", "A. N. Other", "India", false, Role.BOWLER, false, "UBO1", Lakh.of(30), null, null, null, null);
        given(house.pool(CODE)).willReturn(List.of(PageFixtures.BUTTLER, PageFixtures.KOHLI, unknown));

        Html pool = html(mvc.perform(get("/auctions/" + CODE + "/pool")).andExpect(status().isOk()));

        List<Map<String, String>> rows = pool.all("pool-player");
        assertThat(rows).hasSize(3);
        assertThat(pool.one("pool-count")).containsEntry("data-count", "3");
        assertThat(rows.get(0))
                .containsEntry("data-player-id", "7")
                .containsEntry("data-position", "1")
                .containsEntry("data-set", "M1")
                .containsEntry("data-base-price", "200")
                .containsEntry("data-name", "Jos Buttler")
                .containsEntry("data-country", "England")
                .containsEntry("data-overseas", "true")
                .containsEntry("data-role", "WICKETKEEPER")
                .containsEntry("data-capped", "true")
                .containsEntry("data-team2024", "RR")
                .containsEntry("data-age", "34")
                .containsEntry("data-batting-hand", "Right")
                .containsEntry("data-second-chance", "false");
        assertThat(rows.get(0).getOrDefault("data-bowling-style", "")).isEmpty();
        // Attribute values are escaped like any other text.
        assertThat(rows.get(1))
                .containsEntry("data-name", "Virat Kohli&lt;/script&gt;")
                .containsEntry("data-overseas", "false")
                .containsEntry("data-role", "BATTER")
                .containsEntry("data-team2024", "RCB")
                .containsEntry("data-position", "2");
        // What is unknown is empty (or absent in the raw HTML), never "null".
        assertThat(rows.get(2))
                .containsEntry("data-capped", "false")
                .containsEntry("data-role", "BOWLER")
                .containsEntry("data-base-price", "30");
        for (String attribute : List.of("data-team2024", "data-age", "data-batting-hand", "data-bowling-style")) {
            assertThat(rows.get(2).getOrDefault(attribute, "")).as(attribute).isEmpty();
        }
        // A person reads the same: age, batting hand and bowling style under the name.
        String html = pool.toString();
        assertThat(html).contains("34 yrs · Right").doesNotContain("null");
    }

    // ---- errors ----

    @Test
    void anUnknownCodeIsAFriendlyNotFoundPage() throws Exception {
        given(house.view("ZZZZ99")).willThrow(new AuctionNotFound("ZZZZ99"));

        Html page = html(mvc.perform(get("/auctions/ZZZZ99/room")).andExpect(status().isNotFound()));

        assertThat(page.one("error-page")).containsEntry("data-status", "404");
        assertThat(page.text("error-message")).contains("ZZZZ99");
    }

    @Test
    void aMalformedCodeIsABadRequestPage() throws Exception {
        Html page = html(mvc.perform(get("/auctions/not-a-code")).andExpect(status().isBadRequest()));

        assertThat(page.one("error-page")).containsEntry("data-status", "400");
        assertThat(page.text("error-message")).contains("six letters or digits");
    }

    @Test
    void joiningByCodeGoesToTheLobbyInCapitals() throws Exception {
        mvc.perform(get("/join").param("code", " abcd23 ")).andExpect(redirectedUrl("/auctions/ABCD23"));
    }
}
