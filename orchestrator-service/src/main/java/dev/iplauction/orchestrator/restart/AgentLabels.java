package dev.iplauction.orchestrator.restart;

/**
 * The labels that mark a container as one of this project's agents. The orchestrator restarts only containers that
 * carry both, with these values; it never touches any other container on the engine.
 */
public final class AgentLabels {

    public static final String PROJECT = "dev.iplauction.project";
    public static final String ROLE = "dev.iplauction.role";
    /** Optional: the agent's instance id, where the container sets AGENT_INSTANCE_ID itself. */
    public static final String INSTANCE = "dev.iplauction.instance";

    public static final String DEFAULT_PROJECT = "ipl-auction-agents";
    public static final String AGENT_ROLE = "agent";

    private AgentLabels() {}
}
