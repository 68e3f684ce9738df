package dev.iplauction.orchestrator.health;

/** When the first step of a recovery is a soft restart (a {@code RestartSeat} command to the holding instance). */
public enum SoftRestartMode {
    /** Only while the holding instance still answers for another seat (or with a FAILED state): a command can help. */
    WHEN_INSTANCE_ALIVE,
    /** Always first, even when the instance looks dead (the literal reading of the old procedure). */
    ALWAYS,
    /** Never: go straight to restarting the container or process. */
    NEVER
}
