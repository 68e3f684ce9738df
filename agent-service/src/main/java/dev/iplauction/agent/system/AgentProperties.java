package dev.iplauction.agent.system;

import dev.iplauction.contracts.Franchise;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * An agent instance's settings ({@code agent.*}, or environment variables such as {@code AGENT_TEAMS}).
 *
 * @param auctionUrl where the auction house's pages are
 * @param auctionCode the auction to play
 * @param teams a static set of franchises to play ("CSK,MI"); empty: take seats from the consumer group
 * @param skipTeams franchises left to people: never played by any agent
 * @param group the consumer group the agent instances share on {@code agent.commands}
 * @param seatSecret the secret every instance shares to compute the seat tokens (so a moved seat is re-taken);
 *     empty: the shared file {@code SECRETS_DIR/seat-secret}, made by the first service to start
 * @param instanceId this instance's name in heartbeats; empty: host name and process id
 * @param heartbeatInterval how often each seat says it is alive
 * @param refreshInterval how often a seat re-reads the page as a safety net for a missed push
 */
@Validated
@ConfigurationProperties("agent")
public record AgentProperties(
        @DefaultValue("http://localhost:8080") URI auctionUrl,

        @NotBlank(message = "agent.auction-code (AUCTION_CODE) names the auction to play")
        String auctionCode,

        @DefaultValue("") String teams,
        @DefaultValue("") String skipTeams,
        @DefaultValue("agent-service") String group,
        @DefaultValue("") String seatSecret,
        @DefaultValue("") String instanceId,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("3s") Duration refreshInterval) {

    public Set<Franchise> teamSet() {
        return parse(teams);
    }

    public Set<Franchise> skipSet() {
        return parse(skipTeams);
    }

    @AssertTrue(message = "agent.teams and agent.skip-teams are lists of franchise codes such as CSK,MI")
    public boolean isTeamListValid() {
        try {
            parse(teams);
            parse(skipTeams);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @AssertTrue(
            message = "agent.seat-secret (AGENT_SEAT_SECRET) must not be a published default such as"
                    + " change-me-ipl-agents and must be at least 16 characters; leave it empty to use the shared"
                    + " generated file")
    public boolean isSeatSecretValid() {
        return seatSecret == null
                || seatSecret.isEmpty()
                || dev.iplauction.security.SeatSecrets.problem(seatSecret).isEmpty();
    }

    @AssertTrue(message = "agent.heartbeat-interval and agent.refresh-interval must be longer than zero")
    public boolean isIntervalsValid() {
        return heartbeatInterval.toMillis() > 0 && refreshInterval.toMillis() > 0;
    }

    private static Set<Franchise> parse(String list) {
        Set<Franchise> franchises = EnumSet.noneOf(Franchise.class);
        if (list == null || list.isBlank()) {
            return franchises;
        }
        for (String code : list.split("[,\\s]+")) {
            if (!code.isBlank()) {
                franchises.add(Franchise.fromCode(code)
                        .orElseThrow(() -> new IllegalArgumentException("unknown franchise '" + code + "'; choose from "
                                + Arrays.toString(Franchise.values()).toUpperCase(Locale.ROOT))));
            }
        }
        return franchises;
    }
}
