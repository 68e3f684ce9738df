package dev.iplauction.agent.system;

import dev.iplauction.agent.telemetry.HeartbeatEmitter;

/**
 * Who this agent instance is in heartbeats and commands: the configured id, or the host (the container id under
 * Docker) and the process id, so a restarted container or process is a new instance.
 */
record InstanceIdentity(String instanceId, String host) {

    static InstanceIdentity of(String configured) {
        String host = HeartbeatEmitter.localHostName();
        String id = configured == null || configured.isBlank()
                ? host + "-" + ProcessHandle.current().pid()
                : configured.trim();
        return new InstanceIdentity(id, host);
    }
}
