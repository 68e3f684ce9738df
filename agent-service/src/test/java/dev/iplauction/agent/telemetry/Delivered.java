package dev.iplauction.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.LlmCallEvent;
import dev.iplauction.kafkatest.TopicReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a topic holds of one test's auction, checked against what the test published. */
final class Delivered {

    private Delivered() {}

    /**
     * Reads the whole topic as its sealed interface, keeps the given auction's records, and checks that each record
     * is keyed by its franchise and that each franchise's events arrived exactly once, in the order published.
     */
    static <T> void assertOncePerFranchiseInOrder(
            String bootstrapServers, Topics topic, Class<T> type, List<? extends T> published, String auction) {
        var read = new TopicReader(bootstrapServers)
                .readAll(topic.topicName(), type).stream()
                        .filter(r -> auctionOf(r.value()).equals(auction))
                        .toList();
        assertThat(read)
                .as("keys of " + topic.topicName())
                .allSatisfy(r ->
                        assertThat(r.key()).isEqualTo(franchiseOf(r.value()).code()));
        Map<String, List<T>> arrived = read.stream()
                .collect(Collectors.groupingBy(
                        TopicReader.Read::key,
                        LinkedHashMap::new,
                        Collectors.mapping(TopicReader.Read::value, Collectors.toList())));
        Map<String, List<T>> expected = published.stream()
                .collect(Collectors.groupingBy(e -> franchiseOf(e).code(), LinkedHashMap::new, Collectors.toList()));
        assertThat(arrived).as(topic.topicName()).isEqualTo(expected);
    }

    static Franchise franchiseOf(Object event) {
        return switch (event) {
            case HeartbeatEvent e -> e.franchise();
            case DecisionEvent e -> e.franchise();
            case BidEvent e -> e.franchise();
            case LlmCallEvent e -> e.franchise();
            default -> throw new IllegalArgumentException("not an agent event: " + event);
        };
    }

    static String auctionOf(Object event) {
        return switch (event) {
            case HeartbeatEvent e -> e.auctionCode();
            case DecisionEvent e -> e.auctionCode();
            case BidEvent e -> e.auctionCode();
            case LlmCallEvent e -> e.auctionCode();
            default -> throw new IllegalArgumentException("not an agent event: " + event);
        };
    }
}
