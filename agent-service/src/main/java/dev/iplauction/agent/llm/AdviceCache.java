package dev.iplauction.agent.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.contracts.Franchise;
import java.util.Optional;

/**
 * The model's answers by question (Caffeine, bounded by size), so the same question is not asked twice. What is kept
 * is the raw answer: it is clamped again against the franchise's standing each time it is used.
 */
final class AdviceCache {

    /** Purses within the same crore count as the same standing. */
    static final int PURSE_BUCKET_LAKH = 100;

    private final int capacity;
    private final Cache<Key, LlmAnswer> answers;

    AdviceCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be 0 or more, got " + capacity);
        }
        this.capacity = capacity;
        // Evicts on the caller's thread: no pool of its own, and the bound holds as soon as put returns.
        this.answers = Caffeine.newBuilder()
                .maximumSize(capacity)
                .executor(Runnable::run)
                .build();
    }

    Optional<LlmAnswer> get(Key key) {
        return Optional.ofNullable(answers.getIfPresent(key));
    }

    void put(Key key, LlmAnswer answer) {
        if (capacity > 0) {
            answers.put(key, answer);
        }
    }

    int size() {
        answers.cleanUp();
        return (int) answers.estimatedSize();
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
