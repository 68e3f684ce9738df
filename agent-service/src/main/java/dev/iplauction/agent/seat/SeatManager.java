package dev.iplauction.agent.seat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.AgentCommand;
import java.util.Collection;

/** What the seat assignment tells: which franchises this instance now holds, and the commands sent to them. */
public interface SeatManager {

    void assigned(Collection<Franchise> franchises);

    void revoked(Collection<Franchise> franchises);

    void command(AgentCommand command);
}
