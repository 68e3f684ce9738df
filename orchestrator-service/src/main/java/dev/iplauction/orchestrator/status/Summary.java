package dev.iplauction.orchestrator.status;

import dev.iplauction.orchestrator.health.SeatRecord;
import dev.iplauction.orchestrator.health.SeatStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The health of all watched seats in numbers.
 *
 * @param healthy seats heartbeating, in their grace, or finished
 * @param unhealthy seats silent, being restarted or failed
 * @param total seats watched
 * @param byStatus seats per status
 */
record Summary(int healthy, int unhealthy, int total, Map<String, Integer> byStatus) {

    static Summary of(List<SeatRecord> seats) {
        Map<String, Integer> byStatus = new TreeMap<>();
        for (SeatStatus status : SeatStatus.values()) {
            byStatus.put(status.name(), 0);
        }
        int healthy = 0;
        for (SeatRecord seat : seats) {
            byStatus.merge(seat.status().name(), 1, Integer::sum);
            if (seat.status().healthy()) {
                healthy++;
            }
        }
        return new Summary(healthy, seats.size() - healthy, seats.size(), byStatus);
    }
}
