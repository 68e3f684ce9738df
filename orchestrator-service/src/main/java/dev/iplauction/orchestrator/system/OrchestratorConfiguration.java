package dev.iplauction.orchestrator.system;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.orchestrator.health.HealthPolicy;
import dev.iplauction.orchestrator.heartbeat.HeartbeatConsumer;
import dev.iplauction.orchestrator.restart.AgentRuntime;
import dev.iplauction.orchestrator.restart.DockerAgentRuntime;
import dev.iplauction.orchestrator.restart.KafkaOutbox;
import dev.iplauction.orchestrator.restart.Outbox;
import dev.iplauction.orchestrator.restart.ProcessAgentRuntime;
import dev.iplauction.orchestrator.restart.ProcessSettings;
import dev.iplauction.orchestrator.restart.Supervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/** Wires the orchestrator: the policy, the runtime, the supervisor, the heartbeat consumer and the topics it owns. */
@Configuration(proxyBeanMethods = false)
class OrchestratorConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The topics it writes (agent.commands, one partition per seat, and orchestrator.events), the dead-letter topic of
     * agent.heartbeats it writes to, and agent.heartbeats itself, declared as agent-service declares it so that
     * whichever starts first creates it with one partition per franchise.
     */
    @Bean
    KafkaAdmin.NewTopics orchestratorTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topics topic : List.of(Topics.AGENT_COMMANDS, Topics.ORCHESTRATOR_EVENTS, Topics.AGENT_HEARTBEATS)) {
            topics.add(TopicBuilder.name(topic.topicName())
                    .partitions(Topics.SEAT_PARTITIONS)
                    .replicas(1)
                    .config("retention.ms", topic.retentionMs())
                    .build());
            topics.add(TopicBuilder.name(topic.deadLetterTopicName())
                    .partitions(Topics.SEAT_PARTITIONS)
                    .replicas(1)
                    .config("retention.ms", topic.retentionMs())
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    Outbox outbox(KafkaProperties kafka) {
        var config = new java.util.HashMap<>(kafka.buildProducerProperties());
        // A send must not hold the heartbeat intake or the checks for a minute while Kafka is away: fail it sooner
        // (it is logged with what was lost) and carry on.
        config.putIfAbsent(org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        var producers = new DefaultKafkaProducerFactory<String, Object>(
                config, new StringSerializer(), new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        return new KafkaOutbox(new KafkaTemplate<>(producers));
    }

    @Bean
    HealthPolicy healthPolicy(OrchestratorProperties properties) {
        return new HealthPolicy(properties.healthSettings());
    }

    @Bean
    AgentRuntime agentRuntime(OrchestratorProperties properties, KafkaProperties kafka, Clock clock) {
        Duration joinWindow = properties.startupGrace();
        return switch (properties.runtime()) {
            case DOCKER -> {
                var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost(properties.docker().host())
                        .build();
                var http = new ZerodepDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .sslConfig(config.getSSLConfig())
                        .connectionTimeout(Duration.ofSeconds(5))
                        .responseTimeout(properties.docker().stopTimeout().plusSeconds(30))
                        .build();
                yield new DockerAgentRuntime(
                        DockerClientImpl.getInstance(config, http),
                        properties.docker().project(),
                        properties.docker().stopTimeout(),
                        clock,
                        joinWindow);
            }
            case PROCESS ->
                new ProcessAgentRuntime(
                        new ProcessSettings(
                                command(properties.process()),
                                properties.auctionCode(),
                                String.join(",", kafka.getBootstrapServers()),
                                properties.seats(),
                                properties.process().seatsPerProcess(),
                                properties.process().env(),
                                properties.process().logDir(),
                                properties.process().stopTimeout(),
                                properties.stagger()),
                        clock,
                        joinWindow);
        };
    }

    @Bean
    Supervisor supervisor(
            OrchestratorProperties properties, HealthPolicy policy, AgentRuntime runtime, Outbox outbox, Clock clock) {
        return new Supervisor(
                properties.auctionCode(),
                properties.seats(),
                policy,
                runtime,
                outbox,
                clock,
                properties.checkInterval());
    }

    /** Starts the supervisor before the heartbeats flow and closes it (and the agents it started) after they stop. */
    @Bean
    SmartLifecycle supervisorLifecycle(Supervisor supervisor) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                supervisor.start();
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                supervisor.close();
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return 0; // the listener containers' phase is higher: they stop first, start last
            }
        };
    }

    /** Never lazy: with lazy initialisation a listener bean nothing refers to is never made, and no heartbeat read. */
    @Bean
    @Lazy(false)
    HeartbeatConsumer heartbeatConsumer(OrchestratorProperties properties, Supervisor supervisor) {
        return new HeartbeatConsumer("orchestrator-" + properties.auctionCode(), supervisor::heartbeat);
    }

    /** Where unreadable heartbeats go; a bean so that the context closes its producers. */
    @Bean(destroyMethod = "close")
    HeartbeatConsumer.DeadLetters heartbeatDeadLetters(KafkaProperties kafka) {
        return new HeartbeatConsumer.DeadLetters(kafka.buildProducerProperties());
    }

    /** The heartbeat listener's containers: the rewind on every assignment, and its dead letters. */
    @Bean(HeartbeatConsumer.CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, HeartbeatEvent> heartbeatContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            KafkaProperties kafka,
            HeartbeatConsumer.DeadLetters heartbeatDeadLetters,
            OrchestratorProperties properties,
            Clock clock) {
        return HeartbeatConsumer.containerFactory(
                configurer, kafka, heartbeatDeadLetters, properties.rebuildWindow(), clock);
    }

    /** The agent's command line: as configured, or java -jar on the agent-service exec jar. */
    static List<String> command(OrchestratorProperties.Process process) {
        if (!process.command().isEmpty()) {
            return process.command();
        }
        Path jar = process.agentJar().isBlank() ? findAgentJar() : Path.of(process.agentJar());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("orchestrator.process.agent-jar: no agent-service jar at " + jar
                    + " (build it with ./mvnw -pl agent-service -am package, or set orchestrator.process.command)");
        }
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java, "-jar", jar.toAbsolutePath().toString());
    }

    private static Path findAgentJar() {
        for (Path folder : List.of(Path.of("agent-service", "target"), Path.of("..", "agent-service", "target"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    var found = files.filter(p -> {
                                String name = p.getFileName().toString();
                                return name.startsWith("agent-service-") && name.endsWith("-exec.jar");
                            })
                            .sorted()
                            .toList();
                    if (!found.isEmpty()) {
                        return found.get(found.size() - 1);
                    }
                } catch (IOException e) {
                    // fall through to the message below
                }
            }
        }
        return Path.of("agent-service", "target", "agent-service-<version>-exec.jar");
    }
}
