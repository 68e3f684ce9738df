package dev.iplauction.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import org.junit.jupiter.api.Test;

/** The advice cache keeps answers by question, never more than its capacity; capacity 0 keeps nothing. */
class AdviceCacheTests {

    private static AdviceCache.Key key(int player) {
        return new AdviceCache.Key("ABCD12", Franchise.MI, "P" + player, 90, 10, 2);
    }

    @Test
    void remembersAnswersUpToItsCapacity() {
        AdviceCache cache = new AdviceCache(10);
        LlmAnswer bid = new LlmAnswer(Choice.BID, 500, "worth it");
        cache.put(key(1), bid);
        assertThat(cache.get(key(1))).contains(bid);
        assertThat(cache.get(key(2))).isEmpty();

        for (int i = 0; i < 100; i++) {
            cache.put(key(i), bid);
        }
        assertThat(cache.size()).isEqualTo(10);
    }

    @Test
    void capacityZeroKeepsNothingAndANegativeOneIsRefused() {
        AdviceCache none = new AdviceCache(0);
        none.put(key(1), new LlmAnswer(Choice.PASS, 0, "no"));
        assertThat(none.get(key(1))).isEmpty();
        assertThat(none.size()).isZero();
        assertThatThrownBy(() -> new AdviceCache(-1)).hasMessageContaining("0 or more");
    }
}
