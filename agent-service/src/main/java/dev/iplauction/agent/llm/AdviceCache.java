package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.contracts.Franchise;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The model's answers by question, least recently used out first, so the same question is not asked twice. What is
 * kept is the raw answer: it is clamped again against the franchise's standing each time it is used.
 */
final class AdviceCache {

    /** Purses within the same crore count as the same standing. */
    static final int PURSE_BUCKET_LAKH = 100;

    private final int capacity;
    private final Map<Key, LlmAnswer> answers;

    AdviceCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be 0 or more, got " + capacity);
        }
        this.capacity = capacity;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, LlmAnswer> eldest) {
                return size() > AdviceCache.this.capacity;
            }
        };
    }

    synchronized Optional<LlmAnswer> get(Key key) {
        return Optional.ofNullable(answers.get(key));
    }

    synchronized void put(Key key, LlmAnswer answer) {
        if (capacity > 0) {
            answers.put(key, answer);
        }
    }

    synchronized int size() {
        return answers.size();
    }

    /** One question: this franchise, this player, a coarse view of its purse and squad. */
    record Key(
            String auctionCode,
            Franchise franchise,
            String playerId,
            int purseBucket,
            int squadSize,
            int overseasCount) {

        static Key of(LotContext context) {
            return new Key(
                    context.auctionCode(),
                    context.me(),
                    context.player().id(),
                    context.mine().purse().value() / PURSE_BUCKET_LAKH,
                    context.mine().squadSize(),
                    context.mine().overseasCount());
        }
    }
}
