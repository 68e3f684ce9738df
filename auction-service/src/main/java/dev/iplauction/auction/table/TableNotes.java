package dev.iplauction.auction.table;

import dev.iplauction.auction.house.AuctionObserver;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.HeartbeatEvent.Advisor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the room knows about the AI franchises at each live auction: which seats an agent holds, their decisions per
 * lot (from {@code agent.decisions}, through {@link DecisionRelay}) and the ladder of accepted bids on the current lot
 * (from the house's own views). Everything is bounded: at most {@value #MAX_AUCTIONS} auctions (the least recently
 * touched one goes first), decisions for the last {@value #LOTS_KEPT} lots, {@value #RUNGS} bids per ladder; an
 * auction's notes are dropped when it completes. It also keeps where each agent's LLM advice stands (from its
 * heartbeats, and from its decisions: one the LLM advised says the advice flows), so that the room can say the advice
 * is warming up instead of staying silent.
 *
 * <p>Maxima and reasons stay here until the lot is hammered: while it is open, {@link #view} says only who is in and
 * who is out. The house knows nothing of this; it only tells its observers of each change, as it tells live pages.
 */
@Component
public class TableNotes implements AuctionObserver {

    private static final Logger log = LoggerFactory.getLogger(TableNotes.class);
    static final int MAX_AUCTIONS = 200;
    static final int LOTS_KEPT = 6;
    static final int RUNGS = 60;
    static final int REASON_CHARS = 240;
    private static final int MAX_LOT = 100_000;
    private static final int ENDED_KEPT = 1_000;

    private final Map<String, Table> tables = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Table> eldest) {
            return size() > MAX_AUCTIONS;
        }
    };
    /** Auctions that completed: a straggling record must not bring their notes back. */
    private final Map<String, Boolean> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ENDED_KEPT;
        }
    };

    private final List<Consumer<TableView>> listeners = new CopyOnWriteArrayList<>();

    /** Hears each new view of an auction's table (on the relay's or the house's broadcaster thread). */
    public void listen(Consumer<TableView> listener) {
        listeners.add(listener);
    }

    /** The table of a live auction as the room may see it now; empty when nothing is known of it. */
    public Optional<TableView> view(String code) {
        Table table;
        synchronized (tables) {
            table = tables.get(code);
        }
        if (table == null) {
            return Optional.empty();
        }
        synchronized (table) {
            return Optional.of(table.view());
        }
    }

    /** How many auctions have notes now. */
    public int auctions() {
        synchronized (tables) {
            return tables.size();
        }
    }

    /**
     * Records an agent's decision.
     *
     * @throws IllegalArgumentException naming the field, for a record the room cannot show
     */
    public void decision(DecisionMade d) {
        check(d);
        String code = AuctionCode.normalise(d.auctionCode());
        Table table = table(code);
        if (table == null) {
            return;
        }
        TableView view;
        synchronized (table) {
            table.ai.add(d.franchise());
            if (d.source() == Source.LLM || d.source() == Source.CACHE) {
                table.advisors.put(d.franchise(), Advisor.READY);
            } else if (d.source() == Source.RULES) {
                table.advisors.put(d.franchise(), Advisor.OFF);
            }
            table.decisions
                    .computeIfAbsent(d.lot(), k -> new EnumMap<>(Franchise.class))
                    .put(d.franchise(), d);
            while (table.decisions.size() > LOTS_KEPT + 2) {
                table.decisions.pollFirstEntry();
            }
            view = table.view();
        }
        publish(view);
    }

    /** An agent says it holds a franchise's seat at an auction. */
    public void agentSeated(String auctionCode, Franchise franchise) {
        agentSeated(auctionCode, franchise, null);
    }

    /**
     * An agent says it holds a franchise's seat at an auction, and where its LLM advice stands (null: it does not
     * say, as agents older than the field; what was known stays).
     */
    public void agentSeated(String auctionCode, Franchise franchise, Advisor advisor) {
        if (franchise == null || !AuctionCode.isValid(auctionCode)) {
            throw new IllegalArgumentException("a heartbeat needs an auction code and a franchise");
        }
        Table table = table(AuctionCode.normalise(auctionCode));
        if (table == null) {
            return;
        }
        TableView view;
        synchronized (table) {
            boolean seated = table.ai.add(franchise);
            boolean advice = advisor != null && table.advisors.put(franchise, advisor) != advisor;
            if (!seated && !advice) {
                return;
            }
            view = table.view();
        }
        publish(view);
    }

    @Override
    public void changed(AuctionView auction) {
        Table table = table(auction.code());
        if (table == null) {
            return;
        }
        TableView view;
        synchronized (table) {
            if (!table.follow(auction)) {
                return;
            }
            view = table.view();
        }
        publish(view);
        if ("COMPLETED".equals(auction.phase())) {
            synchronized (tables) {
                tables.remove(auction.code());
                ended.put(auction.code(), true);
            }
        }
    }

    /** Live pages decide whether the house builds views; these notes need them only when someone is looking. */
    @Override
    public boolean watching(String code) {
        return false;
    }

    private Table table(String code) {
        synchronized (tables) {
            if (ended.containsKey(code)) {
                return null;
            }
            return tables.computeIfAbsent(code, Table::new);
        }
    }

    private void publish(TableView view) {
        for (Consumer<TableView> listener : listeners) {
            try {
                listener.accept(view);
            } catch (RuntimeException e) {
                log.warn("a listener failed on the table of auction {}", view.code(), e);
            }
        }
    }

    private static void check(DecisionMade d) {
        if (d == null) {
            throw new IllegalArgumentException("no decision");
        }
        if (!AuctionCode.isValid(d.auctionCode())) {
            throw new IllegalArgumentException("auctionCode is not an auction code");
        }
        if (d.franchise() == null) {
            throw new IllegalArgumentException("franchise is missing");
        }
        if (d.lot() < 1 || d.lot() > MAX_LOT) {
            throw new IllegalArgumentException("lot " + d.lot() + " is not between 1 and " + MAX_LOT);
        }
        if (d.choice() == null || d.source() == null) {
            throw new IllegalArgumentException("choice and source are required");
        }
        if (d.maxBid() != null && d.maxBid().value() < 0) {
            throw new IllegalArgumentException("maxBid is negative");
        }
    }

    /** One line, at most {@value #REASON_CHARS} characters: the room has room for a sentence, not an essay. */
    static String oneLine(String reason) {
        if (reason == null) {
            return "";
        }
        String line = reason.replaceAll("\\s+", " ").strip();
        return line.length() <= REASON_CHARS ? line : line.substring(0, REASON_CHARS - 1) + "…";
    }

    /** One auction's notes; guarded by itself. */
    private static final class Table {
        final String code;
        final Set<Franchise> ai = EnumSet.noneOf(Franchise.class);
        final Map<Franchise, Advisor> advisors = new EnumMap<>(Franchise.class);
        final TreeMap<Integer, Map<Franchise, DecisionMade>> decisions = new TreeMap<>();
        final List<TableView.Rung> ladder = new ArrayList<>();
        int ladderLot;
        int openLot;
        int lastLot;
        boolean completed;

        Table(String code) {
            this.code = code;
        }

        /** Takes in the house's view; true if anything the room shows changed. */
        boolean follow(AuctionView view) {
            boolean changed = false;
            AuctionView.LotView lot = view.lot();
            int open = lot == null ? 0 : lot.number();
            if (open != openLot) {
                openLot = open;
                changed = true;
            }
            if (open > 0) {
                lastLot = Math.max(lastLot, open);
                if (open != ladderLot) {
                    ladderLot = open;
                    ladder.clear();
                    changed = true;
                }
                if (lot.currentBid() != null && lot.highestBidder() != null) {
                    TableView.Rung last = ladder.isEmpty() ? null : ladder.getLast();
                    if (last == null
                            || last.amount() != lot.currentBid()
                            || !last.franchise().equals(lot.highestBidder())) {
                        ladder.add(new TableView.Rung(
                                lot.highestBidder(),
                                lot.currentBid(),
                                lot.currentBidDisplay(),
                                view.serverTime(),
                                false));
                        if (ladder.size() > RUNGS) {
                            ladder.removeFirst();
                        }
                        changed = true;
                    }
                }
            }
            if ("COMPLETED".equals(view.phase()) && !completed) {
                completed = true;
                changed = true;
            }
            return changed;
        }

        boolean hammered(int lot) {
            return completed || (openLot > 0 ? lot < openLot : lot <= lastLot);
        }

        TableView view() {
            List<String> seats = ai.stream().map(Franchise::code).toList();
            List<TableView.Intent> intents = new ArrayList<>();
            if (openLot > 0 && !completed) {
                decisions.getOrDefault(openLot, Map.of()).values().stream()
                        .sorted(Comparator.comparing(DecisionMade::franchise))
                        .forEach(d -> intents.add(new TableView.Intent(
                                d.franchise().code(),
                                d.choice() == dev.iplauction.contracts.agent.DecisionEvent.Choice.BID)));
            }
            List<TableView.LotDecisions> revealed = new ArrayList<>();
            for (var entry : decisions.descendingMap().entrySet()) {
                if (revealed.size() == LOTS_KEPT) {
                    break;
                }
                if (!hammered(entry.getKey())) {
                    continue;
                }
                List<TableView.Decision> list = entry.getValue().values().stream()
                        .sorted(Comparator.comparing(DecisionMade::franchise))
                        .map(Table::decision)
                        .toList();
                String player = entry.getValue().values().iterator().next().playerName();
                revealed.add(new TableView.LotDecisions(entry.getKey(), oneLine(player), list));
            }
            List<TableView.Rung> rungs = ladder.stream()
                    .map(r -> new TableView.Rung(
                            r.franchise(),
                            r.amount(),
                            r.amountDisplay(),
                            r.at(),
                            Franchise.fromCode(r.franchise()).map(ai::contains).orElse(false)))
                    .toList();
            boolean warmingUp = !completed && advisors.containsValue(Advisor.WARMING_UP);
            return new TableView(code, completed ? 0 : openLot, seats, intents, ladderLot, rungs, revealed, warmingUp);
        }

        private static TableView.Decision decision(DecisionMade d) {
            return new TableView.Decision(
                    d.franchise().code(),
                    d.choice().name(),
                    d.maxBid() == null ? null : d.maxBid().value(),
                    d.maxBid() == null ? null : d.maxBid().display(),
                    d.source().name(),
                    d.source().inPlainWords(),
                    oneLine(d.reason()),
                    d.latencyMillis());
        }
    }
}
