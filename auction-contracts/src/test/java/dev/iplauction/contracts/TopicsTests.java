package dev.iplauction.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void everyFranchiseHasItsOwnSeatPartitionAndBack() {
        assertThat(Arrays.stream(Franchise.values()).map(Topics::seatPartition).distinct())
                .hasSize(Topics.SEAT_PARTITIONS);
        for (Franchise f : Franchise.values()) {
            assertThat(Topics.franchiseOfPartition(Topics.seatPartition(f))).isEqualTo(f);
        }
        assertThatThrownBy(() -> Topics.franchiseOfPartition(10)).hasMessageContaining("0..9");
    }

    @Test
    void topicNamesAreUniqueAndDeadLettersFollowSpringKafkasNaming() {
        assertThat(Arrays.stream(Topics.values()).map(Topics::topicName).distinct())
                .hasSize(Topics.values().length);
        assertThat(Topics.AGENT_LOGS.deadLetterTopicName()).isEqualTo("agent.logs.DLT");
        assertThat(Topics.AUCTION_EVENTS.retentionMs()).isEqualTo("-1");
        assertThat(Topics.AGENT_LOGS.retentionMs()).isEqualTo(String.valueOf(7L * 24 * 3600 * 1000));
    }

    @Test
    void eachServiceOwnsItsTopics() {
        assertThat(Topics.ownedBy("auction-service")).containsExactly(Topics.AUCTION_EVENTS);
        assertThat(Topics.ownedBy("agent-service"))
                .containsExactly(
                        Topics.AGENT_HEARTBEATS, Topics.AGENT_DECISIONS, Topics.AGENT_BIDS, Topics.AGENT_LLM_CALLS);
    }
}
