package dev.iplauction.orchestrator.restart;

import java.time.Instant;

/**
 * A finished hard restart.
 *
 * @param unit the container id or the process group name that was restarted
 * @param instanceId the instance now expected to hold the seat (for a container: the one it was restarted as)
 * @param at when it ran again
 */
public record Restarted(String unit, String instanceId, Instant at) {}
