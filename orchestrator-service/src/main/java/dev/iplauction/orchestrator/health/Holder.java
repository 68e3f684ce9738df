package dev.iplauction.orchestrator.health;

/**
 * The agent instance that holds a seat, as its heartbeats name it.
 *
 * @param instanceId the instance (AGENT_INSTANCE_ID, or host and process id)
 * @param host the container id or host name it runs on
 * @param pid its process id
 */
public record Holder(String instanceId, String host, long pid) {}
