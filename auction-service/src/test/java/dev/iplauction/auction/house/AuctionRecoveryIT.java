package dev.iplauction.auction.house;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.auction.AuctionServiceApplication;
import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.kafkatest.MutableClock;
import dev.iplauction.kafkatest.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The event log is the truth: an auction-service stopped mid-lot and started again on the same broker rebuilds the
 * auction from {@code auction.events}, keeps the bid accepted before the stop and the seat tokens, gives the open lot
 * a fresh window, and finishes with exactly the result of the same auction played without a restart.
 */
class AuctionRecoveryIT {

    private static EmbeddedKafkaKraftBroker broker;
    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-24T10:00:00Z"));

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        // The house writes in transactions: one broker must be enough for the transaction log.
        broker.brokerProperties(java.util.Map.of(
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    /** Starts the service; arguments are command-line properties ("--auction.bootstrap.code=…"), which win. */
    private ConfigurableApplicationContext startService(String... arguments) {
        return new SpringApplicationBuilder(AuctionServiceApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .properties(
                        "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "server.port=0",
                        "auction.tick=5ms",
                        "spring.main.banner-mode=off")
                .run(arguments);
    }

    @Test
    void theConfiguredAuctionIsCreatedOnTheFirstStartAndKeptOnTheNext() {
        String[] configured = {
            "--auction.bootstrap.code=abcd12",
            "--auction.bootstrap.catalogue=quick",
            "--auction.bootstrap.host-token=s3cret"
        };
        String seat;
        try (ConfigurableApplicationContext first = startService(configured)) {
            AuctionHouse house = first.getBean(AuctionHouse.class);
            assertThat(house.view("ABCD12").name()).isEqualTo("Quick auction");
            assertThat(house.isHost("ABCD12", "s3cret")).isTrue();
            seat = house.claimSeat("ABCD12", Franchise.RR, null);
        }
        try (ConfigurableApplicationContext second = startService(configured)) {
            AuctionHouse house = second.getBean(AuctionHouse.class);
            assertThat(house.seatOf("ABCD12", seat)).contains(Franchise.RR);
            house.host("ABCD12", "s3cret", HostAction.START);
            assertThat(house.view("ABCD12").phase()).isEqualTo("RUNNING");
        }
        long created = new TopicReader(broker.getBrokersAsString())
                .readAll(Topics.AUCTION_EVENTS.topicName(), AuctionEvent.class).stream()
                        .filter(r -> r.key().equals("ABCD12"))
                        .filter(r -> r.value() instanceof AuctionEvent.AuctionCreated)
                        .count();
        assertThat(created).isEqualTo(1);
    }

    /** Three players, no RTM: lot 1 is fought over, lot 2 goes unsold, lot 3 is sold, lot 2 comes back and sells. */
    private static CreateAuction threePlayerAuction() {
        List<String> ids = CatalogueRepository.fromClasspath().quick().players().stream()
                .filter(p -> !p.overseas())
                .limit(3)
                .map(Player::id)
                .toList();
        return new CreateAuction("quick", "Recovery test", false, 4000, 0, ids, null, 10_000L, 5_000L, 4_000L, 11L);
    }

    private record Seats(String csk, String mi) {}

    private Seats openAndFightOverLotOne(AuctionHouse house, String code, String hostToken) {
        Seats seats = new Seats(house.claimSeat(code, Franchise.CSK, null), house.claimSeat(code, Franchise.MI, null));
        house.host(code, hostToken, HostAction.START);
        AuctionView.LotView lot = house.view(code).lot();
        house.bid(code, seats.csk(), Franchise.CSK, lot.number(), Lakh.of(lot.nextBid()));
        house.bid(
                code,
                seats.mi(),
                Franchise.MI,
                lot.number(),
                Lakh.of(house.view(code).lot().nextBid()));
        return seats;
    }

    private void finish(AuctionHouse house, String code, Seats seats) {
        bidNext(house, code, seats.csk(), Franchise.CSK);
        expire(house, code, Duration.ofSeconds(11), 2);
        expire(house, code, Duration.ofSeconds(11), 3);
        bidNext(house, code, seats.mi(), Franchise.MI);
        expire(house, code, Duration.ofSeconds(11), 4);
        assertThat(house.view(code).round()).isEqualTo("ACCELERATED");
        bidNext(house, code, seats.csk(), Franchise.CSK);
        clock.advance(Duration.ofSeconds(6));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> "COMPLETED".equals(house.view(code).phase()));
    }

    private static void bidNext(AuctionHouse house, String code, String token, Franchise franchise) {
        AuctionView.LotView lot = house.view(code).lot();
        house.bid(code, token, franchise, lot.number(), Lakh.of(lot.nextBid()));
    }

    private void expire(AuctionHouse house, String code, Duration by, int nextLot) {
        clock.advance(by);
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            AuctionView view = house.view(code);
            return view.lot() != null && view.lot().number() == nextLot;
        });
    }

    @Test
    void aRestartedServiceRebuildsTheAuctionMidLotAndFinishesItWithTheSameResult() {
        String played;
        String restarted;
        Seats seats;
        AuctionView beforeStop;
        try (ConfigurableApplicationContext first = startService()) {
            AuctionHouse house = first.getBean(AuctionHouse.class);

            AuctionHouse.Created reference = house.create(threePlayerAuction());
            played = reference.code();
            finish(house, played, openAndFightOverLotOne(house, played, reference.hostToken()));

            AuctionHouse.Created interrupted = house.create(threePlayerAuction());
            restarted = interrupted.code();
            seats = openAndFightOverLotOne(house, restarted, interrupted.hostToken());
            beforeStop = house.view(restarted);
        }
        clock.advance(Duration.ofMinutes(3)); // the house is down far longer than the lot's window

        try (ConfigurableApplicationContext second = startService()) {
            AuctionHouse house = second.getBean(AuctionHouse.class);
            AuctionView rebuilt = house.view(restarted);

            assertThat(rebuilt.phase()).isEqualTo("RUNNING");
            assertThat(rebuilt.lot().number()).isEqualTo(1);
            assertThat(rebuilt.lot().highestBidder()).isEqualTo("MI");
            assertThat(rebuilt.lot().currentBid()).isEqualTo(beforeStop.lot().currentBid());
            assertThat(rebuilt.lot().closesAt()).isEqualTo(clock.instant().plusSeconds(10));
            assertThat(house.seatOf(restarted, seats.csk())).contains(Franchise.CSK);

            finish(house, restarted, seats);

            assertThat(outcomes(house, restarted)).isEqualTo(outcomes(house, played));
            assertThat(house.squads(restarted)).isEqualTo(house.squads(played));
            assertThat(outcomes(house, restarted))
                    .extracting(o -> o.soldTo())
                    .containsExactly("CSK", null, "MI", "CSK");
        }

        List<AuctionEvent> events = new TopicReader(broker.getBrokersAsString())
                .readAll(Topics.AUCTION_EVENTS.topicName(), AuctionEvent.class).stream()
                        .filter(r -> r.key().equals(restarted))
                        .map(TopicReader.Read::value)
                        .toList();
        assertThat(events)
                .extracting(AuctionEvent::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).allMatch(e -> e.auctionCode().equals(restarted));
        assertThat(events)
                .filteredOn(AuctionEvent.LotClockRestarted.class::isInstance)
                .hasSize(1);
        assertThat(events.getLast()).isInstanceOf(AuctionEvent.AuctionCompleted.class);
    }

    private record Outcome(String player, String soldTo, Integer price) {}

    private static List<Outcome> outcomes(AuctionHouse house, String code) {
        return house.results(code).stream()
                .map(r -> new Outcome(r.playerId(), r.soldTo(), r.price()))
                .toList();
    }
}
