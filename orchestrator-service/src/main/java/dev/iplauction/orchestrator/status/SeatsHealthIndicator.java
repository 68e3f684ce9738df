package dev.iplauction.orchestrator.status;

import dev.iplauction.orchestrator.restart.Supervisor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The seats in actuator health, as details. The orchestrator stays UP while agents fail: it is the orchestrator's
 * health, and a failed seat is something it reports, not something that a restart of the orchestrator would mend.
 */
@Component("seats")
class SeatsHealthIndicator implements HealthIndicator {

    private final Supervisor supervisor;

    SeatsHealthIndicator(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public Health health() {
        Summary summary = Summary.of(supervisor.seats());
        String systemic = supervisor.fleet().systemicReason();
        Health.Builder health = Health.up();
        if (systemic != null) {
            health.withDetail("systemicFault", systemic);
        }
        return health.withDetail("auctionCode", supervisor.auctionCode())
                .withDetail("runtime", supervisor.runtime().name())
                .withDetail("healthy", summary.healthy())
                .withDetail("unhealthy", summary.unhealthy())
                .withDetail("total", summary.total())
                .build();
    }
}
