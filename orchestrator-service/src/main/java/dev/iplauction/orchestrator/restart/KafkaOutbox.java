package dev.iplauction.orchestrator.restart;

import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.AgentCommand;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/** The {@link Outbox} on Kafka: every send's result is looked at, a failure logged with what was lost. */
public final class KafkaOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutbox.class);

    private final KafkaOperations<String, Object> kafka;

    public KafkaOutbox(KafkaOperations<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void event(OrchestratorEvent event) {
        String topic = Topics.ORCHESTRATOR_EVENTS.topicName();
        kafka.send(topic, event.franchise().code(), event).whenComplete((result, failure) -> {
            if (failure != null) {
                log.error(
                        "lost {} for {}: {}",
                        event.getClass().getSimpleName(),
                        event.franchise().code(),
                        failure.toString());
            } else {
                log.debug(
                        "{} for {} at {}-{}@{}",
                        event.getClass().getSimpleName(),
                        event.franchise().code(),
                        topic,
                        result.getRecordMetadata().partition(),
                        result.getRecordMetadata().offset());
            }
        });
    }

    @Override
    public CompletableFuture<Void> command(AgentCommand command) {
        return kafka.send(
                        Topics.AGENT_COMMANDS.topicName(),
                        Topics.seatPartition(command.franchise()),
                        command.franchise().code(),
                        command)
                .thenAccept(result -> log.info(
                        "{} for {} to instance {} sent ({}-{}@{})",
                        command.getClass().getSimpleName(),
                        command.franchise().code(),
                        command.instanceId(),
                        Topics.AGENT_COMMANDS.topicName(),
                        result.getRecordMetadata().partition(),
                        result.getRecordMetadata().offset()));
    }
}
