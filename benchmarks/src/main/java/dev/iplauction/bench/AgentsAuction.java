package dev.iplauction.bench;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One agent-service instance, as its own process with its own Chromium, plays a whole auction for nine franchises
 * against the real auction house; then the numbers: time until the nine seats are ready, reaction times, decisions
 * ready before the clock ran out, the instance's memory (PSS of the JVM, the Playwright driver and Chromium together)
 * and the wall time against the clock windows alone.
 */
public final class AgentsAuction {

    private AgentsAuction() {}

    public static void main(String[] args) throws Exception {
        String url = Args.string(args, "--url", "http://127.0.0.1:18080");
        String kafka = Args.string(args, "--kafka", "127.0.0.1:19092");
        Path agentJar = Path.of(Args.string(args, "--agent-jar", ""));
        String chromium = Args.string(args, "--chromium", "/usr/lib/chromium/chromium");
        String catalogue = Args.string(args, "--catalogue", "ipl2025");
        int window = Args.integer(args, "--window-ms", 1000);
        int timeoutMinutes = Args.integer(args, "--timeout-minutes", 120);
        Path logs = Path.of(Args.string(args, "--logs", "."));
        Franchise empty = Franchise.fromCode(Args.string(args, "--empty-seat", "RCB"))
                .orElseThrow(() -> new IllegalArgumentException("--empty-seat needs a franchise code"));
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalArgumentException("--agent-jar must name the agent-service exec jar, got " + agentJar);
        }
        Set<Franchise> seats = EnumSet.complementOf(EnumSet.of(empty));

        Http http = new Http(url);
        Http.Reply created = http.post(
                "/api/auctions",
                "{\"catalogue\":\"" + catalogue + "\",\"seed\":2025,\"bidWindowMillis\":" + window
                        + ",\"acceleratedWindowMillis\":" + window + ",\"rtmWindowMillis\":" + window
                        + ",\"name\":\"Agents benchmark\"}",
                null);
        Http.require(created, 201);
        String code = created.body().get("code").asString();
        String host = created.body().get("hostToken").asString();
        System.out.printf(
                "auction %s: catalogue %s, %d ms clock, %d agent seats (%s left empty)%n",
                code, catalogue, window, seats.size(), empty);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : Args.string(args, "--agent-jvm-options", "").split("\\s+")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", agentJar.toString()));
        System.out.println("agent: " + String.join(" ", command));
        ProcessBuilder agentProcess = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("agent-service.log").toFile());
        Map<String, String> env = agentProcess.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("AUCTION_URL", url);
        env.put("AUCTION_CODE", code);
        env.put("AGENT_SKIP_TEAMS", empty.code());
        env.put("AGENT_INSTANCE_ID", "bench-agents");
        env.put("AGENT_HEARTBEAT_INTERVAL", "1s");
        env.put("CHROMIUM_PATH", chromium);
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        env.put("LLM_ENABLED", Args.string(args, "--llm", "false"));
        env.put("PORT", "0");
        Instant launched = Instant.now();
        Process agent = agentProcess.start();
        try {
            Instant ready = awaitReady(kafka, code, seats, agent);
            System.out.printf("nine seats ready %.1f s after the agent process started%n", seconds(launched, ready));
            printStartSteps(logs.resolve("agent-service.log"), launched);

            Instant started = Instant.now();
            Http.require(http.post("/api/auctions/" + code + "/host/start", "", host), 204);
            Memory memory = new Memory(agent.toHandle());
            Instant deadline = started.plus(Duration.ofMinutes(timeoutMinutes));
            String phase = "";
            while (!"COMPLETED".equals(phase)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the auction did not complete in " + timeoutMinutes + " minutes");
                }
                if (!agent.isAlive()) {
                    throw new IllegalStateException("the agent process died; see " + logs.resolve("agent-service.log"));
                }
                memory.sample();
                Thread.sleep(2_000);
                phase = http.get("/api/auctions/" + code).body().path("phase").asString();
            }
            Instant completed = Instant.now();
            memory.print();
            StringBuilder squads = new StringBuilder("squads at the end (players, purse left in lakh):");
            for (var f : http.get("/api/auctions/" + code).body().get("franchises")) {
                squads.append(String.format(
                        " %s %d/%d",
                        f.get("code").asString(),
                        f.get("squadSize").asInt(),
                        f.get("purse").asInt()));
            }
            System.out.println(squads);
            report(kafka, code, seats, window, started, completed);
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    private static Instant awaitReady(String kafka, String code, Set<Franchise> seats, Process agent)
            throws InterruptedException {
        Set<Franchise> waiting = EnumSet.noneOf(Franchise.class);
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            Instant deadline = Instant.now().plusSeconds(180);
            List<TopicPartition> partitions = partitions(consumer, Topics.AGENT_HEARTBEATS.topicName());
            while (partitions.isEmpty()) { // the agent creates its topics as it starts
                if (Instant.now().isAfter(deadline) || !agent.isAlive()) {
                    throw new IllegalStateException("the agent never created " + Topics.AGENT_HEARTBEATS.topicName());
                }
                Thread.sleep(100);
                partitions = partitions(consumer, Topics.AGENT_HEARTBEATS.topicName());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!waiting.containsAll(seats)) {
                if (Instant.now().isAfter(deadline) || !agent.isAlive()) {
                    throw new IllegalStateException("seats never all ready; ready: " + waiting);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    if (EventJson.mapper().readValue(r.value(), HeartbeatEvent.class) instanceof Heartbeat h
                            && h.auctionCode().equals(code)
                            && h.state() == SeatState.WAITING_FOR_START
                            && waiting.add(h.franchise())
                            && waiting.containsAll(seats)) {
                        // The heartbeat that completes the set says when the last seat became ready, to the
                        // heartbeat interval; the seats' own log lines say it to the millisecond.
                        return h.at();
                    }
                }
            }
        }
        return Instant.now();
    }

    private static void report(
            String kafka, String code, Set<Franchise> seats, int window, Instant started, Instant completed) {
        List<AuctionEvent> events = read(kafka, Topics.AUCTION_EVENTS.topicName(), AuctionEvent.class).stream()
                .filter(e -> e.auctionCode().equals(code))
                .toList();
        List<BidPlaced> bids = read(kafka, Topics.AGENT_BIDS.topicName(), BidEvent.class).stream()
                .map(BidPlaced.class::cast)
                .filter(b -> b.auctionCode().equals(code))
                .toList();
        List<DecisionMade> decisions = read(kafka, Topics.AGENT_DECISIONS.topicName(), DecisionEvent.class).stream()
                .map(DecisionMade.class::cast)
                .filter(d -> d.auctionCode().equals(code))
                .toList();

        Map<Integer, Instant> openedAt = new HashMap<>();
        Map<Integer, Instant> closedAt = new HashMap<>();
        int lots = 0, sold = 0, unsold = 0, accepted = 0;
        List<Double> counterBids = new ArrayList<>();
        AuctionEvent.BidAccepted previous = null;
        for (AuctionEvent e : events) {
            switch (e) {
                case AuctionEvent.LotOpened o -> {
                    lots++;
                    openedAt.put(o.lot(), o.at());
                    previous = null;
                }
                case AuctionEvent.BidAccepted b -> {
                    accepted++;
                    if (previous != null && previous.lot() == b.lot() && previous.franchise() != b.franchise()) {
                        counterBids.add(
                                (double) Duration.between(previous.at(), b.at()).toMillis());
                    }
                    previous = b;
                }
                case AuctionEvent.LotSold s -> {
                    sold++;
                    closedAt.put(s.lot(), s.at());
                }
                case AuctionEvent.LotUnsold u -> {
                    unsold++;
                    closedAt.put(u.lot(), u.at());
                }
                default -> {}
            }
        }
        Set<String> decidedInTime = new HashSet<>();
        List<Double> decisionLatency = new ArrayList<>();
        for (DecisionMade d : decisions) {
            decisionLatency.add((double) d.latencyMillis());
            Instant closed = closedAt.get(d.lot());
            if (closed != null && !d.at().isAfter(closed) && d.latencyMillis() < window) {
                decidedInTime.add(d.lot() + ":" + d.franchise());
            }
        }
        double[] reactions = bids.stream()
                .filter(b -> b.outcome() == BidEvent.Outcome.ACCEPTED && b.reactionMillis() > 0)
                .mapToDouble(BidPlaced::reactionMillis)
                .toArray();
        Duration wall = Duration.between(started, completed);
        System.out.printf(
                "lots %d (sold %d, unsold %d), accepted bids %d, agent bid attempts %d%n",
                lots, sold, unsold, accepted, bids.size());
        long stale = bids.stream()
                .filter(b -> b.outcome() == BidEvent.Outcome.REJECTED && "stale".equals(b.reason()))
                .count();
        long refusedStale = events.stream()
                .filter(e -> e instanceof AuctionEvent.BidRefused r && r.reason() == RefusalReason.STALE)
                .count();
        long refused = events.stream()
                .filter(AuctionEvent.BidRefused.class::isInstance)
                .count();
        System.out.printf(
                "bid attempts refused as stale: the agents saw %d of %d (%.1f%%); the house refused %d of %d bids it"
                        + " was sent (%.1f%%)%n",
                stale,
                bids.size(),
                100.0 * stale / Math.max(1, bids.size()),
                refusedStale,
                accepted + refused,
                100.0 * refusedStale / Math.max(1, accepted + refused));
        System.out.printf(
                "decisions ready before the lot's clock ran out: %d of %d (%.1f%%); latency %s%n",
                decidedInTime.size(),
                closedAt.size() * seats.size(),
                100.0 * decidedInTime.size() / Math.max(1, closedAt.size() * seats.size()),
                new Percentiles(toArray(decisionLatency)).summary(" ms"));
        // The lots whose decisions were not all in time, and for each seat that was not, when its decision came (ms
        // after the lot opened) or that none came: one lot seen late by every seat, one slow seat, or a lot missed.
        closedAt.keySet().stream().sorted().forEach(lot -> {
            List<String> notInTime = seats.stream()
                    .filter(f -> !decidedInTime.contains(lot + ":" + f))
                    .map(f -> decisions.stream()
                            .filter(d -> d.lot() == lot && d.franchise() == f)
                            .findFirst()
                            .map(d -> f + " at +"
                                    + Duration.between(openedAt.get(lot), d.at())
                                            .toMillis() + " ms (latency " + d.latencyMillis() + ")")
                            .orElse(f + " never"))
                    .toList();
            if (!notInTime.isEmpty()) {
                System.out.printf(
                        "  lot %d: %d of %d in time; open %d ms (the clock ran out); late or missed: %s%n",
                        lot,
                        seats.size() - notInTime.size(),
                        seats.size(),
                        Duration.between(openedAt.get(lot), closedAt.get(lot)).toMillis(),
                        notInTime);
            }
        });
        System.out.println("reaction, page showed the bid -> counter-bid shown accepted (agent's clock): "
                + new Percentiles(reactions).summary(" ms"));
        System.out.println("counter-bid, previous bid accepted -> next franchise's bid accepted (house's clock): "
                + new Percentiles(toArray(counterBids)).summary(" ms"));
        System.out.printf(
                "wall time %.1f min; the clock windows alone (one per lot) %.1f min; ratio %.2f%n",
                wall.toMillis() / 60_000.0,
                lots * (double) window / 60_000.0,
                wall.toMillis() / Math.max(1.0, lots * (double) window));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Where the start went, from the agent's own log lines, each at its time since the process started. */
    private static void printStartSteps(Path log, Instant launched) throws IOException {
        Pattern step = Pattern.compile("^(\\S+Z) .*? : (Started AgentServiceApplication in [0-9.]+ seconds.*"
                + "|seats assigned to this instance.*|Chromium \\S+ started in.*|\\S+ joined \\S+ as .*)$");
        System.out.println("the agent's start (s after the process started: step; a join's steps in ms):");
        for (String line : Files.readAllLines(log)) {
            Matcher m = step.matcher(line);
            if (m.matches()) {
                System.out.printf("  %5.1f  %s%n", seconds(launched, Instant.parse(m.group(1))), m.group(2));
            }
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static <T> List<T> read(String kafka, String topic, Class<T> type) {
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(EventJson.mapper().readValue(r.value(), type));
                }
            }
        }
        return values;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    private static KafkaConsumer<String, String> consumer(String kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Asking for a topic the agent has not created yet must not create it with the broker's defaults.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** PSS of the agent process and everything it started (the Playwright driver and Chromium's processes). */
    private static final class Memory {
        private final ProcessHandle root;
        private long maxTotal;
        private String atMax = "";
        private long sum;
        private int samples;

        Memory(ProcessHandle root) {
            this.root = root;
        }

        void sample() {
            long jvm = pss(root);
            long driver = 0, chromium = 0;
            for (ProcessHandle p : root.descendants().toList()) {
                String command = p.info().command().orElse("");
                if (command.contains("chrom")) {
                    chromium += pss(p);
                } else {
                    driver += pss(p);
                }
            }
            long total = jvm + driver + chromium;
            sum += total;
            samples++;
            if (total > maxTotal) {
                maxTotal = total;
                atMax = String.format(
                        "JVM %d MiB, driver %d MiB, Chromium %d MiB", jvm >> 10, driver >> 10, chromium >> 10);
            }
        }

        void print() {
            System.out.printf(
                    "agent instance PSS: max %d MiB (%s), mean %d MiB over %d samples%n",
                    maxTotal >> 10, atMax, samples == 0 ? 0 : (sum / samples) >> 10, samples);
        }

        /** In KiB, from /proc/PID/smaps_rollup; 0 for a process that is gone or unreadable. */
        private static long pss(ProcessHandle process) {
            Path rollup = Path.of("/proc", Long.toString(process.pid()), "smaps_rollup");
            try (Stream<String> lines = Files.lines(rollup)) {
                return lines.filter(l -> l.startsWith("Pss:"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                        .findFirst()
                        .orElse(0);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
