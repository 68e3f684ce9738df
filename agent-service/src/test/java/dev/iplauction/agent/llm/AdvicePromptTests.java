package dev.iplauction.agent.llm;

import static dev.iplauction.agent.llm.Lots.bumrahForMumbai;
import static dev.iplauction.agent.llm.Lots.lot;
import static dev.iplauction.agent.llm.Lots.overseasBatter;
import static dev.iplauction.agent.llm.Lots.rulesBid;
import static dev.iplauction.agent.llm.Lots.team;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.ProfileRating;
import dev.iplauction.agent.strategy.Valuation;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvicePromptTests {

    @Test
    void describesTeamPlayerAndRulesCompactly() {
        String prompt =
                new AdvicePrompt(StatisticsLine.NONE).user(bumrahForMumbai(), rulesBid(800, 900), Lakh.of(1350));

        assertThat(prompt).isEqualTo("""
                        Team MI (Mumbai Indians): purse 4500, squad 12/25 (BAT 4, BOWL 3, AR 3, WK 2), overseas 3/8.
                        Needs: 6 more to reach 18; room for 13; 5 overseas places left.
                        Rivals: 2, richest purse 6000, average 4500.
                        Player: Jasprit Bumrah, Bowler, India, Indian, capped, age 30, set M1, base price 200.
                        Rules: value 800, bid up to 900 (rules: fast bowler, team short).
                        Lots left this round: 5.
                        Bid or pass? maxBidLakh: the most you would pay, at most 1350 (0 to pass). Reason: one line.""");
        assertThat(AdvicePrompt.SYSTEM.length() + prompt.length()).isLessThan(900);
    }

    @Test
    void carriesAStatisticsLineWhenThereIsOne() {
        AdvicePrompt prompt = new AdvicePrompt(context -> Optional.of("T20: 98 inns, SR 151, avg 38"));

        assertThat(prompt.user(
                        lot(overseasBatter(), team(Franchise.SRH, 900, 20, 7)), rulesBid(300, 400), Lakh.of(600)))
                .contains("Player: Travis Head, Batter, Australia, overseas, capped")
                .contains("\nStats: T20: 98 inns, SR 151, avg 38\n")
                .contains("minimum squad reached; room for 5; 1 overseas places left; no BOWL/AR/WK yet");
    }

    @Test
    void aFailingStatisticsLookupCostsOnlyTheLine() {
        AdvicePrompt prompt = new AdvicePrompt(context -> {
            throw new IllegalStateException("stats store down");
        });

        assertThat(prompt.user(bumrahForMumbai(), rulesBid(800, 900), Lakh.of(1350)))
                .contains("Player: Jasprit Bumrah")
                .doesNotContain("Stats:");
    }

    @Test
    void theProfileTheFairPriceAndThePoolReachThePromptFromTheValuation() {
        Valuation valuation = new Valuation(ProfileRating.shipped());
        LotContext bumrah = bumrahForMumbai();
        Player anotherPacer = new Player(
                "99",
                "Another Pacer",
                "India",
                false,
                Role.BOWLER,
                true,
                "FA1",
                Lakh.of(200),
                null,
                27,
                "RHB",
                "RIGHT ARM Fast");
        LotContext withPool = new LotContext(
                bumrah.auctionCode(),
                bumrah.me(),
                bumrah.lot(),
                bumrah.player(),
                bumrah.currentBid(),
                bumrah.highestBidder(),
                bumrah.nextBid(),
                bumrah.rules(),
                bumrah.mine(),
                bumrah.rivals(),
                bumrah.lotsRemaining(),
                Lakh.of(12_000),
                List.of(anotherPacer));

        String prompt =
                new AdvicePrompt(StatisticsLine.from(valuation)).user(withPool, rulesBid(800, 900), Lakh.of(1350));

        // Bumrah's shipped profile (catalogue id R-MI-1): 133 IPL matches, his phases, his form, his fair price.
        assertThat(prompt)
                .contains("\nStats: IPL 133 m (2013–2024)")
                .contains("bowl 238 w econ 7.1")
                .contains("IPL econ pp/mid/death")
                .contains("last 2 yrs")
                .contains("Market: fair price "
                        + valuation.fairPrice(bumrah.player()).value())
                .contains("Indian bowlers as good still to come of 1 players")
                .contains("Rules: value 800, bid up to 900");
        assertThat(AdvicePrompt.SYSTEM.length() + prompt.length()).isLessThan(1_400);
    }
}
