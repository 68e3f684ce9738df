package dev.iplauction.orchestrator.restart;

import dev.iplauction.orchestrator.health.Holder;
import java.time.Instant;
import java.util.List;

/**
 * When the running agents started (their containers' own start), so that a seat's start-up grace counts from its
 * agent's start rather than the orchestrator's.
 *
 * @param known false when the runtime cannot tell (then nothing here moves a grace)
 * @param running the running agents
 */
public record AgentStarts(boolean known, List<Agent> running) {

    /** For a runtime that cannot tell, or when asking failed. */
    public static final AgentStarts UNKNOWN = new AgentStarts(false, List.of());

    /**
     * @param id the container id (full)
     * @param hostname its host name (by default the id's first 12 characters)
     * @param instanceId the instance id it was given (label or AGENT_INSTANCE_ID); null if none
     * @param startedAt when it (last) started
     */
    public record Agent(String id, String hostname, String instanceId, Instant startedAt) {}

    public AgentStarts {
        running = List.copyOf(running);
    }

    /** When the agent that a seat's heartbeats named started; null if it is not among the running ones. */
    public Instant startOf(Holder holder) {
        if (holder == null) {
            return null;
        }
        for (Agent agent : running) {
            if (holder.instanceId() != null && holder.instanceId().equals(agent.instanceId())) {
                return agent.startedAt();
            }
        }
        String host = holder.host();
        if (host == null || host.isBlank()) {
            return null;
        }
        for (Agent agent : running) {
            if ((host.length() >= 12 && agent.id().startsWith(host)) || host.equals(agent.hostname())) {
                return agent.startedAt();
            }
        }
        return null;
    }

    /** The latest start of any running agent; null if none runs. */
    public Instant latest() {
        return running.stream()
                .map(Agent::startedAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }
}
