package dev.iplauction.orchestrator.restart;

import java.util.List;

/**
 * One container or process that runs agent seats, as the status page shows it.
 *
 * @param name the process group (e.g. "CSK") or the container name
 * @param id the process id or the container id
 * @param instanceId the instance id it was started with, where the orchestrator knows it
 * @param seats franchise codes it plays, where known
 * @param state running, exited …
 */
public record AgentUnit(String name, String id, String instanceId, List<String> seats, String state) {}
