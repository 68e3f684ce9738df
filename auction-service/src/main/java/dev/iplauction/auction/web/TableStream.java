package dev.iplauction.auction.web;

import dev.iplauction.auction.table.TableNotes;
import dev.iplauction.auction.table.TableView;
import dev.iplauction.contracts.EventJson;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The room's {@code table} events: each new {@link TableView} of an auction goes to its open pages through {@link
 * LiveUpdates}, and a page that connects starts from the current one.
 */
@Component
class TableStream {

    static final String EVENT = "table";

    private final TableNotes notes;

    TableStream(TableNotes notes, LiveUpdates liveUpdates) {
        this.notes = notes;
        notes.listen(view -> liveUpdates.publish(view.code(), EVENT, json(view)));
    }

    /** What a page starts from: the table as it is now, or an empty one. */
    TableView current(String code) {
        return notes.view(code).orElseGet(() -> TableView.empty(code));
    }

    Map<String, String> start(String code) {
        return Map.of(EVENT, json(current(code)));
    }

    static String json(TableView view) {
        return HousePages.scriptSafe(EventJson.mapper().writeValueAsString(view));
    }
}
