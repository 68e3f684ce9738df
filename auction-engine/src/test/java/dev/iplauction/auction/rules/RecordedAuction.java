package dev.iplauction.auction.rules;

import static dev.iplauction.auction.rules.AuctionFixtures.CODE;
import static dev.iplauction.auction.rules.AuctionFixtures.HOST;
import static dev.iplauction.auction.rules.AuctionFixtures.T0;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An auction driven by a test, with a hand-moved clock and every event it emitted, in order. */
final class RecordedAuction {

    final TestClock clock;
    final Auction auction;
    final List<AuctionEvent> log = new ArrayList<>();

    private RecordedAuction(TestClock clock, Auction.Change<Auction> created) {
        this.clock = clock;
        this.auction = created.value();
        this.log.addAll(created.events());
    }

    static RecordedAuction create(AuctionSetup setup) {
        TestClock clock = new TestClock(T0);
        return new RecordedAuction(clock, Auction.create(CODE, setup, HOST, clock));
    }

    /** Created and started: the first lot is open at T0. */
    static RecordedAuction started(AuctionSetup setup) {
        RecordedAuction a = create(setup);
        a.run(Auction::start);
        return a;
    }

    List<AuctionEvent> run(Function<Auction, List<AuctionEvent>> command) {
        List<AuctionEvent> events = command.apply(auction);
        log.addAll(events);
        return events;
    }

    Lot lot() {
        return auction.lot().orElseThrow(() -> new AssertionError("no lot is open"));
    }

    /** A bid on the open lot. */
    Auction.Outcome bid(Franchise franchise, int amount) {
        return bidOn(franchise, lot().number(), amount);
    }

    Auction.Outcome bidOn(Franchise franchise, int lotNumber, int amount) {
        Auction.Outcome outcome = auction.bid(franchise, lotNumber, Lakh.of(amount));
        log.addAll(outcome.events());
        return outcome;
    }

    /** A bid for exactly the next valid amount, which must be accepted. */
    Auction.Outcome bidNext(Franchise franchise) {
        Auction.Outcome outcome = bid(franchise, lot().nextBid().value());
        if (!outcome.accepted()) {
            throw new AssertionError(franchise + " could not bid " + lot().nextBid() + ": " + outcome.refusal());
        }
        return outcome;
    }

    List<AuctionEvent> tick() {
        return run(Auction::tick);
    }

    /** Moves the clock on and lets it act. */
    List<AuctionEvent> elapse(Duration duration) {
        clock.advance(duration);
        return tick();
    }

    List<AuctionEvent> elapseMillis(long millis) {
        return elapse(Duration.ofMillis(millis));
    }

    /** Moves the clock to the moment the open window runs out, and lets it act. */
    List<AuctionEvent> runOut() {
        clock.set(lot().closesAt());
        return tick();
    }

    Auction replay() {
        return Auction.replay(CODE, log, clock);
    }
}
