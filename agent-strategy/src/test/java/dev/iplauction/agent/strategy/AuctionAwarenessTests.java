package dev.iplauction.agent.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.PlayerRating.Rating;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a franchise makes of the room: the players still to come, its rivals' purses and needs, the places and money it
 * must keep, its right-to-match cards.
 */
class AuctionAwarenessTests {

    private final Valuation valuation = new Valuation();
    private final RuleBasedStrategy strategy = new RuleBasedStrategy();

    // ---- scarcity ----

    @Test
    void theLastGoodKeeperIsWorthMoreThanOneOfManyStillToCome() {
        BuyingStyle mi = BuyingStyles.of(Franchise.MI);
        TeamState team = Lots.team(Franchise.MI, 6_000, 3, 0, 3, 4);
        Player keeper = Lots.player(Role.WICKETKEEPER, 200);
        List<Player> manyKeepers = copies(keeper, 12);
        List<Player> onlyBatters = copies(Lots.player(Role.BATTER, 200), 12);

        Lakh plenty = valuation.worthTo(mi, team, keeper, lot(team, keeper, manyKeepers));
        Lakh last = valuation.worthTo(mi, team, keeper, lot(team, keeper, onlyBatters));

        assertThat(last).isGreaterThan(plenty);
        Valuation.Appraisal appraisal = valuation.appraise(mi, team, keeper, lot(team, keeper, onlyBatters));
        assertThat(appraisal.scarcity().supply()).isZero();
        assertThat(appraisal.scarcity().demand()).isPositive();
        assertThat(appraisal.scarcity().factor()).isEqualTo(1 + Scarcity.WEIGHT);
    }

    @Test
    void anOverseasFastBowlerIsScarceWhenFewOverseasOnesAreLeftHowManyIndiansSoEver() {
        BuyingStyle srh = BuyingStyles.of(Franchise.SRH);
        TeamState team = Lots.team(Franchise.SRH, 6_000, 3, 1, 3, 2);
        Player overseas = Lots.overseas(Lots.player(Role.BOWLER, 200));
        List<Player> indians = copies(Lots.player(Role.BOWLER, 200), 20);
        List<Player> overseasToo = copies(overseas, 20);

        assertThat(valuation.worthTo(srh, team, overseas, lot(team, overseas, indians)))
                .isGreaterThan(valuation.worthTo(srh, team, overseas, lot(team, overseas, overseasToo)));
    }

    @Test
    void aPlayerNoRivalNeedsOrCanAffordIsNotScarce() {
        BuyingStyle gt = BuyingStyles.of(Franchise.GT);
        TeamState full = Lots.team(Franchise.GT, 100, 6, 4, 6, 8);
        Player keeper = Lots.player(Role.WICKETKEEPER, 200);
        LotContext lot = Lots.withRivals(lot(full, keeper, copies(Lots.player(Role.BATTER, 30), 5)), List.of());

        assertThat(Scarcity.of(gt, keeper, 0.5, lot, p -> new Rating(0.5, 0, 0)).factor())
                .isEqualTo(1);
        assertThat(Scarcity.of(gt, keeper, 0.5, Lots.lot(full, keeper), p -> new Rating(0.5, 0, 0)))
                .as("no pool in view")
                .isEqualTo(Scarcity.UNKNOWN);
    }

    // ---- places and money it must keep ----

    @Test
    void aSquadShortOfItsKeeperAndBowlersKeepsItsLastPlacesForThem() {
        SquadRules ipl = SquadRules.IPL;
        TeamState noKeeper = Lots.team(Franchise.DC, 1_500, 10, 0, 7, 7);
        Player batter = Lots.player(Role.BATTER, 30);
        Player keeper = Lots.player(Role.WICKETKEEPER, 30);

        assertThat(ipl.maxSquad() - noKeeper.squadSize()).isEqualTo(1);
        LotDecision onBatter = strategy.decide(Lots.lot(noKeeper, batter));
        assertThat(onBatter.choice()).isEqualTo(Choice.PASS);
        assertThat(onBatter.reason()).contains("kept for the keeper");
        assertThat(strategy.decide(Lots.lot(noKeeper, keeper)).choice()).isEqualTo(Choice.BID);

        TeamState fewBowlers = Lots.team(Franchise.DC, 1_500, 8, 2, 10, 3);
        Player bowler = Lots.player(Role.BOWLER, 30);
        assertThat(strategy.decide(Lots.lot(fewBowlers, batter)).choice()).isEqualTo(Choice.PASS);
        assertThat(strategy.decide(Lots.lot(fewBowlers, bowler)).choice()).isEqualTo(Choice.BID);
    }

    @Test
    void aRoleNoSquadCanDoWithoutIsWorthMoreWhileTheSquadLacksIt() {
        BuyingStyle kkr = BuyingStyles.of(Franchise.KKR);
        Player bowler = Lots.player(Role.BOWLER, 100);
        TeamState two = Lots.team(Franchise.KKR, 4_000, 4, 1, 8, 2);
        TeamState six = Lots.team(Franchise.KKR, 4_000, 4, 1, 4, 6);

        assertThat(Valuation.RoleNeed.mustHave(Role.BOWLER, SquadRules.IPL)).isEqualTo(6);
        assertThat(Valuation.RoleNeed.mustHave(Role.WICKETKEEPER, SquadRules.IPL))
                .isEqualTo(1);
        assertThat(Valuation.RoleNeed.mustHave(Role.BATTER, SquadRules.IPL)).isZero();
        assertThat(Valuation.RoleNeed.of(kkr, two, Role.BOWLER, SquadRules.IPL).factor())
                .isGreaterThanOrEqualTo(Valuation.MUST_HAVE_NEED);
        assertThat(valuation.worthTo(kkr, two, bowler, Lots.lot(two, bowler)))
                .isGreaterThan(valuation.worthTo(kkr, six, bowler, Lots.lot(six, bowler)));
    }

    @Test
    void moneyLeftOnceTheSquadIsCompleteIsSpentRatherThanKept() {
        SquadRules ipl = SquadRules.IPL;
        TeamState complete = Lots.team(Franchise.RR, 900, 6, 2, 6, 8);

        assertThat(Valuation.spareMoney(complete, ipl, 100))
                .as("1.5 times the fair price")
                .isEqualTo(150);
        assertThat(Valuation.spareMoney(complete, ipl, 1_000))
                .as("within the spare money per place")
                .isEqualTo(300);
        assertThat(Valuation.spareMoney(Lots.team(Franchise.RR, 200, 6, 2, 6, 8), ipl, 100))
                .as("too little to be worth spending")
                .isZero();
        assertThat(Valuation.spareMoney(Lots.team(Franchise.RR, 900, 7, 3, 7, 8), ipl, 100))
                .as("no place left")
                .isZero();
    }

    @Test
    void aFranchiseRicherThanTheRoomPerOpenPlaceBidsLikeIt() {
        BuyingStyle rr = BuyingStyles.of(Franchise.RR);
        TeamState team = Lots.team(Franchise.RR, 2_000, 5, 2, 4, 5);
        Player bowler = Lots.player(Role.BOWLER, 100);
        LotContext richRoom = Lots.lot(team, bowler);
        List<TeamState> spentRivals = new ArrayList<>();
        for (TeamState rival : richRoom.rivals()) {
            spentRivals.add(Lots.team(rival.franchise(), 300, 5, 2, 4, 5));
        }
        LotContext spentRoom = Lots.withRivals(richRoom, spentRivals);

        assertThat(Valuation.roomReference(rr, team, spentRoom))
                .isLessThan(Valuation.roomReference(rr, team, richRoom));
        assertThat(valuation.worthTo(rr, team, bowler, spentRoom))
                .isGreaterThan(valuation.worthTo(rr, team, bowler, richRoom));
    }

    @Test
    void theMarketPaysLessForYearsAPlayerHasNotGotLeft() {
        assertThat(Valuation.horizon(null)).isEqualTo(1);
        assertThat(Valuation.horizon(25)).isEqualTo(1);
        double previous = 1;
        for (int age = 32; age <= 42; age++) {
            double horizon = Valuation.horizon(age);
            assertThat(horizon).as("age %d", age).isLessThanOrEqualTo(previous).isGreaterThanOrEqualTo(0.6);
            previous = horizon;
        }
        Player young = Lots.player(Role.BATTER, 200);
        Player old = new Player(
                young.id(), young.name(), "India", false, Role.BATTER, true, "M1", Lakh.of(200), null, 38, "RHB", null);
        Valuation stars = new Valuation(p -> new Rating(0.9, 1, 1));
        assertThat(stars.fairPrice(old)).isLessThan(stars.fairPrice(young)).isGreaterThanOrEqualTo(old.basePrice());
    }

    // ---- right to match ----

    @Test
    void aCardIsKeptForABetterFormerPlayerStillToComeUnlessThePriceIsABargain() {
        Player journeyman = Lots.withTeam2024(Lots.player(Role.BOWLER, 75), Franchise.CSK);
        Player star = Lots.withTeam2024(Lots.marquee(Role.BATTER), Franchise.CSK);
        TeamState csk = Lots.withCards(Lots.team(Franchise.CSK, 5_500, 3, 1, 3, 3), 1, 0, 0);
        LotContext noneToCome = Lots.lot(csk, journeyman);
        // Plenty of bowlers like him to come too, so he is no scarcer for it.
        List<Player> toCome = new ArrayList<>(copies(journeyman, 12));
        toCome.add(star);
        LotContext starToCome = Lots.lot(csk, journeyman, SquadRules.IPL, Lakh.of(12_000), 400, toCome);
        int worth = strategy.decide(noneToCome).valuation().value();
        int fullPrice = RuleBasedStrategy.roundDownToFive(0.95 * worth);

        assertThat(strategy.useRtm(Lots.at(noneToCome, fullPrice, Franchise.MI)))
                .isTrue();
        assertThat(strategy.useRtm(Lots.at(starToCome, fullPrice, Franchise.MI)))
                .as("the card waits for the star")
                .isFalse();
        assertThat(strategy.useRtm(Lots.at(starToCome, journeyman.basePrice().value(), Franchise.MI)))
                .as("a bargain")
                .isTrue();
        TeamState twoCards = Lots.withCards(csk, 2, 0, 0);
        assertThat(strategy.useRtm(Lots.at(
                        Lots.lot(twoCards, journeyman, SquadRules.IPL, Lakh.of(12_000), 400, toCome),
                        fullPrice,
                        Franchise.MI)))
                .as("a card for each")
                .isTrue();
    }

    @Test
    void afterAMatchTheRaiseGoesJustBeyondWhatTheHolderIsLikelyToPayNotToTheMaximum() {
        Player keeper = Lots.withTeam2024(Lots.player(Role.WICKETKEEPER, 200), Franchise.CSK);
        TeamState mi = Lots.team(Franchise.MI, 6_000, 3, 0, 3, 4);
        // A rich card holder who already has three keepers: it will not pay much to keep a fourth.
        TeamState csk = Lots.team(Franchise.CSK, 6_000, 3, 3, 3, 4);
        LotContext lot = Lots.at(Lots.withRivals(Lots.lot(mi, keeper), List.of(csk)), 250, Franchise.MI);
        Lakh max = strategy.decide(lot).maxBid();

        Optional<Lakh> raise = strategy.raiseAfterMatch(lot);

        assertThat(raise).isPresent();
        assertThat(raise.get()).isGreaterThan(Lakh.of(250)).isLessThan(max);
        TeamState keen = Lots.team(Franchise.CSK, 6_000, 3, 0, 3, 4);
        Optional<Lakh> againstAKeenHolder = strategy.raiseAfterMatch(
                Lots.at(Lots.withRivals(Lots.lot(mi, keeper), List.of(keen)), 250, Franchise.MI));
        assertThat(againstAKeenHolder).isPresent();
        assertThat(againstAKeenHolder.get())
                .as("a keener holder is raised further")
                .isGreaterThan(raise.get());
    }

    private static LotContext lot(TeamState mine, Player player, List<Player> upcoming) {
        return Lots.lot(mine, player, SquadRules.IPL, Lakh.of(12_000), 400, upcoming);
    }

    private static List<Player> copies(Player player, int count) {
        List<Player> players = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            players.add(new Player(
                    player.id() + "-" + i,
                    player.name() + " " + i,
                    player.country(),
                    player.overseas(),
                    player.role(),
                    player.capped(),
                    player.setCode(),
                    player.basePrice(),
                    null,
                    player.age(),
                    player.battingHand(),
                    player.bowlingStyle()));
        }
        return players;
    }
}
