package dev.iplauction.auction.rules;

import static dev.iplauction.auction.rules.AuctionFixtures.CODE;
import static dev.iplauction.auction.rules.AuctionFixtures.HOST;
import static dev.iplauction.auction.rules.AuctionFixtures.KOHLI;
import static dev.iplauction.auction.rules.AuctionFixtures.T0;
import static dev.iplauction.auction.rules.AuctionFixtures.franchise;
import static dev.iplauction.auction.rules.AuctionFixtures.retained;
import static dev.iplauction.auction.rules.AuctionFixtures.retainedIndian;
import static dev.iplauction.auction.rules.AuctionFixtures.setup;
import static dev.iplauction.auction.rules.AuctionFixtures.standardFranchises;
import static dev.iplauction.auction.rules.AuctionFixtures.standardPool;
import static dev.iplauction.auction.rules.AuctionFixtures.standardSetup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCreated;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuctionCreationTests {

    private final TestClock clock = new TestClock(T0);

    @Test
    void createdAuctionWaitsInTheLobbyWithEveryFranchiseAsSetUp() {
        AuctionSetup setup = standardSetup();

        Auction.Change<Auction> change = Auction.create(CODE, setup, HOST, clock);

        assertThat(change.events()).containsExactly(new AuctionCreated(CODE, 1, T0, setup, HOST));
        Auction auction = change.value();
        assertThat(auction.code()).isEqualTo(CODE);
        assertThat(auction.phase()).isEqualTo(Phase.LOBBY);
        assertThat(auction.seq()).isEqualTo(1);
        assertThat(auction.lot()).isEmpty();
        assertThat(auction.upcoming()).containsExactlyElementsOf(standardPool());
        assertThat(auction.franchises()).containsExactly(Franchise.CSK, Franchise.MI, Franchise.RCB);
        for (FranchiseSetup f : standardFranchises()) {
            Standing standing = auction.standing(f.franchise());
            assertThat(standing.purse()).isEqualTo(f.purse());
            assertThat(standing.rtmCards()).isEqualTo(f.rtmCards());
            assertThat(standing.squad()).containsExactlyElementsOf(f.retained());
            assertThat(standing.spent())
                    .as("retentions are not spent at the auction")
                    .isEqualTo(Lakh.ZERO);
        }
        assertThat(auction.standing(Franchise.CSK).overseasCount()).isEqualTo(1);
        assertThat(auction.isHost(HOST)).isTrue();
        assertThat(auction.isHost("someone-else")).isFalse();
        assertThat(auction.completionReason()).isEmpty();
    }

    @Test
    void aFranchiseNotInTheAuctionHasNoStanding() {
        Auction auction = Auction.create(CODE, standardSetup(), HOST, clock).value();

        assertThatIllegalArgumentException().isThrownBy(() -> auction.standing(Franchise.SRH));
    }

    @Test
    void anEmptyPoolIsRefused() {
        AuctionSetup setup = setup(List.of(), standardFranchises(), SquadRules.IPL);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Auction.create(CODE, setup, HOST, clock))
                .withMessageContaining("player");
    }

    @ParameterizedTest(name = "bid {0} ms, accelerated {1} ms, rtm {2} ms")
    @CsvSource({"0, 5000, 4000", "10000, 0, 4000", "10000, 5000, 0", "-1, 5000, 4000", "10000, 5000, -4000"})
    void everyClockWindowMustBeLongerThanZero(long bid, long accelerated, long rtm) {
        AuctionSetup setup = new AuctionSetup(
                "Test auction", standardPool(), standardFranchises(), SquadRules.IPL, bid, accelerated, rtm, 7L);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Auction.create(CODE, setup, HOST, clock))
                .withMessageContaining("window");
    }

    @Test
    void aWindowOfAFractionOfASecondIsFineForSimulations() {
        AuctionSetup setup =
                new AuctionSetup("Simulation", standardPool(), standardFranchises(), SquadRules.IPL, 1, 1, 1, 7L);

        assertThat(Auction.create(CODE, setup, HOST, clock).value().phase()).isEqualTo(Phase.LOBBY);
    }

    @Test
    void aPlayerTwiceInThePoolIsRefused() {
        List<Player> pool = new ArrayList<>(standardPool());
        pool.add(AuctionFixtures.indian(KOHLI.id(), false, 30, null));
        AuctionSetup setup = setup(pool, standardFranchises(), SquadRules.IPL);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Auction.create(CODE, setup, HOST, clock))
                .withMessageContaining("twice");
    }

    @Test
    void aRetainedPlayerCannotAlsoBeInThePool() {
        Player retainedStar = AuctionFixtures.indian("R-CSK-1", true, 200, Franchise.CSK);
        List<Player> pool = new ArrayList<>(standardPool());
        pool.add(retainedStar);
        AuctionSetup setup = setup(
                pool,
                List.of(
                        franchise(Franchise.CSK, 5000, 2, retained(retainedStar, 1800)),
                        franchise(Franchise.MI, 5000, 0)),
                SquadRules.IPL);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Auction.create(CODE, setup, HOST, clock))
                .withMessageContaining("twice");
    }

    @Test
    void twoFranchisesCannotRetainTheSamePlayer() {
        SquadPlayer both = retainedIndian("R-1", true);
        AuctionSetup setup = setup(
                standardPool(),
                List.of(franchise(Franchise.CSK, 5000, 2, both), franchise(Franchise.MI, 5000, 2, both)),
                SquadRules.IPL);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Auction.create(CODE, setup, HOST, clock))
                .withMessageContaining("twice");
    }

    @Test
    void aFranchiseTwiceInTheSetupIsRefused() {
        AuctionSetup setup = setup(
                standardPool(),
                List.of(
                        franchise(Franchise.MI, 1000, 0),
                        franchise(Franchise.CSK, 1000, 0),
                        franchise(Franchise.MI, 500, 1)),
                SquadRules.IPL);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Auction.create(CODE, setup, HOST, clock))
                .withMessageContaining("twice");
    }

    @Test
    void theFirstLotOpensOnlyWhenTheHostStarts() {
        Auction auction = Auction.create(CODE, standardSetup(), HOST, clock).value();
        clock.advanceSeconds(30);

        assertThat(auction.tick()).isEmpty();
        assertThat(auction.lot()).isEmpty();
        assertThat(auction.nextDeadline()).isEmpty();
        assertThat(auction.remaining()).isZero();
        assertThat(auction.upcoming()).hasSize(5);
    }
}
