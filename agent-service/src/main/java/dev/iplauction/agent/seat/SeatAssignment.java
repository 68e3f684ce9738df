package dev.iplauction.agent.seat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.AgentCommand;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Turns the agent instances' consumer group on {@code agent.commands} into seats: each partition stands for one
 * franchise, so the partitions Kafka assigns to this instance are the seats it plays, a dead instance's partitions
 * (and seats) move to the survivors, and every command for a seat reaches the instance that holds it.
 *
 * <p>Franchises left to people ({@code skip}) are never played even when their partition is assigned here.
 */
final class SeatAssignment implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(SeatAssignment.class);

    private final SeatManager seats;
    private final Set<Franchise> skip;

    SeatAssignment(SeatManager seats, Set<Franchise> skip) {
        this.seats = seats;
        this.skip = Set.copyOf(skip);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Franchise> franchises = franchises(partitions);
        if (!franchises.isEmpty()) {
            log.info("seats assigned to this instance: {}", franchises);
            seats.assigned(franchises);
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Franchise> franchises = franchises(partitions);
        if (!franchises.isEmpty()) {
            log.info("seats moving away from this instance: {}", franchises);
            seats.revoked(franchises);
        }
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Franchise> franchises = franchises(partitions);
        if (!franchises.isEmpty()) {
            log.warn("seats lost by this instance (it missed the group's heartbeat): {}", franchises);
            seats.revoked(franchises);
        }
    }

    void command(AgentCommand command) {
        if (!skip.contains(command.franchise())) {
            seats.command(command);
        }
    }

    private List<Franchise> franchises(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .filter(p -> p.topic().equals(Topics.AGENT_COMMANDS.topicName()))
                .map(p -> Topics.franchiseOfPartition(p.partition()))
                .filter(f -> !skip.contains(f))
                .sorted()
                .toList();
    }
}
