package dev.iplauction.orchestrator.testing;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.kafkatest.TopicReader;
import dev.iplauction.orchestrator.OrchestratorServiceApplication;
import dev.iplauction.orchestrator.health.SeatRecord;
import dev.iplauction.orchestrator.restart.Supervisor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** An orchestrator-service started in the test's JVM on a real broker, and what tests ask of it. */
public final class Orchestrator implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String bootstrap;

    private Orchestrator(ConfigurableApplicationContext context, String bootstrap) {
        this.context = context;
        this.bootstrap = bootstrap;
    }

    /** Arguments are command-line properties ("--orchestrator.runtime=process"), which win over application.yml. */
    public static Orchestrator start(String bootstrap, String... arguments) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrap, "--server.port=0", "--spring.main.banner-mode=off"));
        args.addAll(List.of(arguments));
        var context =
                new SpringApplicationBuilder(OrchestratorServiceApplication.class).run(args.toArray(String[]::new));
        return new Orchestrator(context, bootstrap);
    }

    public Supervisor supervisor() {
        return context.getBean(Supervisor.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public SeatRecord seat(Franchise franchise) {
        return supervisor().seats().stream()
                .filter(s -> s.franchise() == franchise)
                .findFirst()
                .orElseThrow();
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Every event this orchestrator (and any before it on the broker) published about a seat, in order. */
    public List<OrchestratorEvent> events(Franchise franchise) {
        return new TopicReader(bootstrap)
                .values(Topics.ORCHESTRATOR_EVENTS.topicName(), OrchestratorEvent.class).stream()
                        .filter(e -> e.franchise() == franchise)
                        .toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
