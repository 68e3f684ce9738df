package dev.iplauction.agent.llm;

import static dev.iplauction.agent.llm.Lots.bumrah;
import static dev.iplauction.agent.llm.Lots.bumrahForMumbai;
import static dev.iplauction.agent.llm.Lots.lot;
import static dev.iplauction.agent.llm.Lots.overseasBatter;
import static dev.iplauction.agent.llm.Lots.rulesBid;
import static dev.iplauction.agent.llm.Lots.team;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.TeamState;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdviceClampTests {

    private final AdviceClamp clamp = new AdviceClamp(1.5);

    @Test
    void keepsAnAnswerWithinBounds() {
        LotDecision decision = clamp.clamp(
                new LlmAnswer(Choice.BID, 1100, "worth it"), bumrahForMumbai(), rulesBid(800, 900), Source.LLM);

        assertThat(decision)
                .isEqualTo(new LotDecision(Choice.BID, Lakh.of(800), Lakh.of(1100), Source.LLM, "LLM: worth it"));
    }

    @Test
    void aPassIsAPassWhateverAmountComesWithIt() {
        LotDecision decision = clamp.clamp(
                new LlmAnswer(Choice.PASS, 700, "enough bowlers"), bumrahForMumbai(), rulesBid(800, 900), Source.CACHE);

        assertThat(decision.choice()).isEqualTo(Choice.PASS);
        assertThat(decision.maxBid()).isEqualTo(Lakh.ZERO);
        assertThat(decision.source()).isEqualTo(Source.CACHE);
    }

    @Test
    void aFullSquadCannotBid() {
        TeamState full = team(Franchise.MI, 4000, 25, 3);

        LotDecision decision = clamp.clamp(
                new LlmAnswer(Choice.BID, 300, "must have"), lot(bumrah(), full), rulesBid(800, 900), Source.LLM);

        assertThat(decision.choice()).isEqualTo(Choice.PASS);
        assertThat(decision.reason()).contains("overruled: squad-full");
    }

    @Test
    void noOverseasPlayerPastTheLimit() {
        TeamState eightOverseas = team(Franchise.MI, 4000, 15, 8);

        LotDecision decision = clamp.clamp(
                new LlmAnswer(Choice.BID, 300, "must have"),
                lot(overseasBatter(), eightOverseas),
                rulesBid(800, 900),
                Source.LLM);

        assertThat(decision.choice()).isEqualTo(Choice.PASS);
        assertThat(decision.reason()).contains("overruled: overseas-limit");
    }

    @Test
    void aMaximumBelowTheBasePriceIsAPass() {
        LotDecision decision =
                clamp.clamp(new LlmAnswer(Choice.BID, 150, "cheap"), bumrahForMumbai(), rulesBid(800, 900), Source.LLM);

        assertThat(decision.choice()).isEqualTo(Choice.PASS);
        assertThat(decision.reason()).contains("below the base price 200");
    }

    @Test
    void canBackAPlayerTheRulesValueButPassOn() {
        LotDecision rulesPass = LotDecision.pass(Lakh.of(400), Source.RULES, "rules: enough bowlers");

        LotDecision decision = clamp.clamp(
                new LlmAnswer(Choice.BID, 900, "best in the pool"), bumrahForMumbai(), rulesPass, Source.LLM);

        assertThat(decision.choice()).isEqualTo(Choice.BID);
        assertThat(decision.maxBid()).isEqualTo(Lakh.of(600));
    }

    @Test
    void neverLetsAMaximumBreakTheRules() {
        Random random = new Random(20250501L);
        for (int i = 0; i < 20_000; i++) {
            int minSquad = random.nextInt(21);
            int maxSquad = Math.max(1, minSquad + random.nextInt(8));
            SquadRules rules =
                    new SquadRules(minSquad, maxSquad, random.nextInt(maxSquad + 1), Lakh.of(1 + random.nextInt(50)));
            int squadSize = random.nextInt(maxSquad + 2);
            int overseas = random.nextInt(rules.maxOverseas() + 2);
            Lakh purse = Lakh.of(random.nextInt(12_001));
            TeamState mine = new TeamState(Franchise.RR, purse, squadSize, overseas, Map.of(Role.BOWLER, squadSize), 0);
            Player player = new Player(
                    "P" + i,
                    "Player " + i,
                    "Somewhere",
                    random.nextBoolean(),
                    Role.values()[random.nextInt(Role.values().length)],
                    random.nextBoolean(),
                    "S1",
                    Lakh.of(5 * (1 + random.nextInt(60))),
                    null,
                    null,
                    null,
                    null);
            LotContext context = lot(player, mine, rules);
            Lakh hardMax = BiddingRules.maxBid(rules, purse, squadSize);
            Lakh valuation = Lakh.of(random.nextInt(8000));
            LotDecision ruleDecision = random.nextBoolean()
                    ? new LotDecision(
                            Choice.BID, valuation, Lakh.min(hardMax, Lakh.of(random.nextInt(8000))), Source.RULES, "r")
                    : LotDecision.pass(valuation, Source.RULES, "r");
            int asked = random.nextInt(4) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(15_000);
            LlmAnswer answer = new LlmAnswer(random.nextBoolean() ? Choice.BID : Choice.PASS, asked, "why not");

            LotDecision decision = clamp.clamp(answer, context, ruleDecision, Source.LLM);

            String seen = "case " + i + ": " + answer + " for " + context + " after " + ruleDecision;
            assertThat(decision.source()).as(seen).isEqualTo(Source.LLM);
            assertThat(decision.valuation()).as(seen).isEqualTo(valuation);
            assertThat(decision.maxBid()).as(seen).isLessThanOrEqualTo(hardMax);
            if (decision.choice() == Choice.PASS) {
                assertThat(decision.maxBid()).as(seen).isEqualTo(Lakh.ZERO);
                continue;
            }
            assertThat(answer.choice()).as(seen).isEqualTo(Choice.BID);
            assertThat(BiddingRules.affordability(
                            rules, purse, squadSize, overseas, player.overseas(), decision.maxBid()))
                    .as(seen)
                    .isEmpty();
            assertThat(decision.maxBid()).as(seen).isLessThanOrEqualTo(Lakh.of(asked));
            assertThat(decision.maxBid().value()).as(seen).isLessThanOrEqualTo((int)
                    Math.floor(1.5 * Lakh.max(ruleDecision.maxBid(), valuation).value()));
            assertThat(decision.maxBid()).as(seen).isGreaterThanOrEqualTo(player.basePrice());
            assertThat(decision.maxBid())
                    .as(seen)
                    .isEqualTo(Lakh.min(Lakh.of(asked), clamp.ceiling(context, ruleDecision)));
        }
    }
}
