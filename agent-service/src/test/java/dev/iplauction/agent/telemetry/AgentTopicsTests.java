package dev.iplauction.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.contracts.Topics;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class AgentTopicsTests {

    @Test
    void declaresEachTopicAgentServiceOwnsWithItsDeadLetterTopic() {
        List<NewTopic> topics = AgentTopics.newTopics();

        assertThat(topics)
                .extracting(NewTopic::name)
                .containsExactly(
                        "agent.heartbeats",
                        "agent.heartbeats.DLT",
                        "agent.decisions",
                        "agent.decisions.DLT",
                        "agent.bids",
                        "agent.bids.DLT",
                        "agent.llm-calls",
                        "agent.llm-calls.DLT");
        assertThat(topics).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(10);
            assertThat(t.replicationFactor()).isEqualTo((short) 1);
        });
    }

    @Test
    void eachTopicAndItsDeadLetterTopicKeepRecordsAsLongAsTheCatalogueSays() {
        for (NewTopic topic : AgentTopics.newTopics()) {
            Topics entry = Topics.ownedBy("agent-service").stream()
                    .filter(t ->
                            topic.name().equals(t.topicName()) || topic.name().equals(t.deadLetterTopicName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(topic.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, entry.retentionMs());
        }
        assertThat(AgentTopics.newTopics().getFirst().configs())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "86400000");
    }

    @Test
    void takesThePartitionsAndReplicasOfTheClusterItRunsOn() {
        assertThat(AgentTopics.newTopics(3, (short) 2)).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(3);
            assertThat(t.replicationFactor()).isEqualTo((short) 2);
        });
        assertThatThrownBy(() -> AgentTopics.newTopics(0, (short) 1))
                .hasMessage("agent topics need at least 1 partition, got 0");
        assertThatThrownBy(() -> AgentTopics.newTopics(10, (short) 0))
                .hasMessage("agent topics need at least 1 replica, got 0");
    }
}
