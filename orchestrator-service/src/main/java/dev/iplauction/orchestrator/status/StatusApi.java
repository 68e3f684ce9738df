package dev.iplauction.orchestrator.status;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.orchestrator.restart.AgentUnit;
import dev.iplauction.orchestrator.restart.Supervisor;
import dev.iplauction.support.web.ProblemResponses;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seats as the orchestrator sees them: every seat, one seat, the summary, and what the runtime runs. */
@RestController
@RequestMapping("/api")
class StatusApi {

    private final Supervisor supervisor;

    StatusApi(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    record Status(
            String auctionCode,
            String runtime,
            Instant now,
            Instant startedAt,
            Summary summary,
            String systemicFault,
            List<SeatView> seats,
            long heartbeatsTaken,
            Map<String, Long> heartbeatsIgnored) {}

    @GetMapping("/seats")
    Status seats() {
        Instant now = supervisor.clock().instant();
        var seats = supervisor.seats();
        return new Status(
                supervisor.auctionCode(),
                supervisor.runtime().name(),
                now,
                supervisor.startedAt(),
                Summary.of(seats),
                supervisor.fleet().systemicReason(),
                seats.stream()
                        .map(s -> SeatView.of(s, supervisor.policy(), now))
                        .toList(),
                supervisor.heartbeatsTaken(),
                supervisor.ignoredHeartbeats());
    }

    @GetMapping("/seats/{franchise}")
    SeatView seat(@PathVariable String franchise) {
        Franchise wanted = Franchise.fromCode(franchise)
                .orElseThrow(() -> new BadSeat(
                        HttpStatus.BAD_REQUEST,
                        "unknown-franchise",
                        "'" + franchise
                                + "' is not a franchise code (one of "
                                + java.util.Arrays.stream(Franchise.values())
                                        .map(Franchise::code)
                                        .toList()
                                + ")"));
        Instant now = supervisor.clock().instant();
        return supervisor.seats().stream()
                .filter(s -> s.franchise() == wanted)
                .findFirst()
                .map(s -> SeatView.of(s, supervisor.policy(), now))
                .orElseThrow(() -> new BadSeat(
                        HttpStatus.NOT_FOUND,
                        "seat-not-watched",
                        "this orchestrator does not watch " + wanted.code() + " (it is left to a person, or skipped)"));
    }

    @GetMapping("/summary")
    Summary summary() {
        return Summary.of(supervisor.seats());
    }

    @GetMapping("/units")
    List<AgentUnit> units() {
        try {
            return supervisor.runtime().units();
        } catch (RuntimeException e) {
            throw new BadSeat(HttpStatus.SERVICE_UNAVAILABLE, "runtime-unavailable", e.getMessage());
        }
    }

    static final class BadSeat extends RuntimeException {
        final HttpStatus status;
        final String reason;

        BadSeat(HttpStatus status, String reason, String message) {
            super(message);
            this.status = status;
            this.reason = reason;
        }
    }

    @ExceptionHandler
    ProblemDetail on(BadSeat bad) {
        return ProblemResponses.problem(bad.status, bad.reason, bad.getMessage());
    }
}
