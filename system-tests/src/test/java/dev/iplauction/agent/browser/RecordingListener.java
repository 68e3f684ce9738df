package dev.iplauction.agent.browser;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Keeps everything a seat's page delivers, with the time it arrived, and waits for what a test expects. */
final class RecordingListener implements AuctionPage.Listener {

    /** A view and when this JVM's listener got it. */
    record Arrival(RoomView view, Instant at) {}

    final List<Arrival> views = new CopyOnWriteArrayList<>();
    final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    final List<PageLost> losses = new CopyOnWriteArrayList<>();
    final List<ReflexBid> reflexBids = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void on(RoomView view) {
        views.add(new Arrival(view, Instant.now()));
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public void on(Refusal refusal) {
        refusals.add(refusal);
    }

    @Override
    public void on(ReflexBid bid) {
        reflexBids.add(bid);
    }

    @Override
    public void on(PageLost lost) {
        losses.add(lost);
    }

    Optional<RoomView> latest() {
        return views.isEmpty() ? Optional.empty() : Optional.of(views.getLast().view());
    }

    /** The first view delivered so far or from now on that matches. */
    RoomView awaitView(Predicate<RoomView> wanted, Duration within) {
        return awaitArrival(wanted, within, 0).view();
    }

    /** The first arrival from index {@code fromIndex} on (already delivered or still to come) that matches. */
    Arrival awaitArrival(Predicate<RoomView> wanted, Duration within, int fromIndex) {
        return await().atMost(within)
                .pollInterval(Duration.ofMillis(5))
                .until(
                        () -> views.subList(Math.min(fromIndex, views.size()), views.size()).stream()
                                .filter(a -> wanted.test(a.view()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    Refusal awaitRefusal(Predicate<Refusal> wanted, Duration within) {
        return await().atMost(within)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> refusals.stream().filter(wanted).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    PageLost awaitLoss(Duration within) {
        return await().atMost(within)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> losses.stream().findFirst(), Optional::isPresent)
                .orElseThrow();
    }
}
