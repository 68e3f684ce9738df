package dev.iplauction.orchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.orchestrator.health.SoftRestartMode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings as Spring binds them: the replaced system's defaults, the seats, and nonsense refused by name. */
class OrchestratorPropertiesTests {

    private static OrchestratorProperties bind(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("orchestrator.auction-code", "abcd12"));
        all.putAll(values);
        return new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("orchestrator", OrchestratorProperties.class);
    }

    @Test
    void theDefaultsAreNineAgentsTenSecondChecksThreeQuickAttemptsOneRestartAtATimeAndAGraceForALoadedMachine() {
        OrchestratorProperties p = bind(Map.of());
        assertThat(p.auctionCode()).isEqualTo("ABCD12");
        assertThat(p.runtime()).isEqualTo(OrchestratorProperties.RuntimeKind.DOCKER);
        assertThat(p.seats()).hasSize(9).doesNotContain(Franchise.SRH);
        assertThat(p.checkInterval()).hasSeconds(10);
        assertThat(p.heartbeatTimeout()).hasSeconds(30);
        assertThat(p.startupGrace()).hasSeconds(180);
        assertThat(p.restartAttempts()).isEqualTo(3);
        assertThat(p.restartBackoffMax()).hasMinutes(5);
        assertThat(p.slowBackoff()).hasMinutes(1);
        assertThat(p.maxConcurrentRestarts()).isEqualTo(1);
        assertThat(p.stagger()).hasSeconds(2);
        assertThat(p.softRestart()).isEqualTo(SoftRestartMode.WHEN_INSTANCE_ALIVE);
        assertThat(p.process().seatsPerProcess()).isEqualTo(1);
        assertThat(p.docker().project()).isEqualTo("ipl-auction-agents");
    }

    @Test
    void theSeatsAreTheListedTeamsOrTheFirstNNotSkipped() {
        assertThat(bind(Map.of("orchestrator.skip-teams", "rcb")).seats())
                .hasSize(9)
                .doesNotContain(Franchise.RCB)
                .contains(Franchise.SRH);
        assertThat(bind(Map.of("orchestrator.teams", "MI,CSK,MI", "orchestrator.skip-teams", "CSK"))
                        .seats())
                .containsExactly(Franchise.MI);
        assertThat(bind(Map.of("orchestrator.agents", "2")).seats()).containsExactly(Franchise.CSK, Franchise.DC);
    }

    @Test
    void nonsenseStopsTheStartWithTheNameOfTheSetting() {
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of()))
                        .bindOrCreate("orchestrator", OrchestratorProperties.class))
                .rootCause()
                .hasMessageContaining("orchestrator.auction-code (AUCTION_CODE)");
        assertThatThrownBy(() -> bind(Map.of("orchestrator.teams", "CSK,XYZ")))
                .rootCause()
                .hasMessageContaining("orchestrator.teams: 'XYZ' is not a franchise code");
        assertThatThrownBy(() -> bind(Map.of("orchestrator.heartbeat-timeout", "0s")))
                .rootCause()
                .hasMessageContaining("orchestrator.heartbeat-timeout");
        assertThatThrownBy(() -> bind(Map.of("orchestrator.agents", "11")))
                .rootCause()
                .hasMessageContaining("orchestrator.agents must be between 1 and 10");
        assertThatThrownBy(() -> bind(Map.of("orchestrator.process.seats-per-process", "0")))
                .rootCause()
                .hasMessageContaining("orchestrator.process.seats-per-process");
        assertThatThrownBy(() -> bind(Map.of("orchestrator.teams", "CSK", "orchestrator.skip-teams", "CSK")))
                .rootCause()
                .hasMessageContaining("no seat left to watch");
    }

    @Test
    void theProcessCommandIsAsConfiguredOrJavaOnTheAgentJarWhichMustExist() {
        assertThat(OrchestratorConfiguration.command(bind(Map.of("orchestrator.process.command", "/bin/agent,--flag"))
                        .process()))
                .containsExactly("/bin/agent", "--flag");
        assertThatThrownBy(() -> OrchestratorConfiguration.command(
                        bind(Map.of("orchestrator.process.agent-jar", "/nowhere/agent.jar"))
                                .process()))
                .hasMessageContaining("orchestrator.process.agent-jar: no agent-service jar at /nowhere/agent.jar");
    }
}
