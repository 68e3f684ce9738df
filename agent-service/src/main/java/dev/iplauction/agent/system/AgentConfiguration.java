package dev.iplauction.agent.system;

import dev.iplauction.agent.browser.BrowserHost;
import dev.iplauction.agent.browser.BrowserSettings;
import dev.iplauction.agent.browser.PlaywrightAuctionPage;
import dev.iplauction.agent.llm.DecisionMaker;
import dev.iplauction.agent.llm.LlmSettings;
import dev.iplauction.agent.llm.StatisticsLine;
import dev.iplauction.agent.seat.SeatCommands;
import dev.iplauction.agent.seat.SeatRuntime;
import dev.iplauction.agent.seat.SeatTokens;
import dev.iplauction.agent.strategy.BudgetPlanner;
import dev.iplauction.agent.strategy.BuyingStyles;
import dev.iplauction.agent.strategy.ProfileRating;
import dev.iplauction.agent.strategy.RuleBasedStrategy;
import dev.iplauction.agent.strategy.Valuation;
import dev.iplauction.agent.telemetry.AgentTopics;
import dev.iplauction.agent.telemetry.HeartbeatEmitter;
import dev.iplauction.agent.telemetry.KafkaTelemetry;
import dev.iplauction.agent.telemetry.MeteredTelemetry;
import dev.iplauction.agent.telemetry.TelemetrySettings;
import dev.iplauction.contracts.agent.AgentCommand;
import dev.iplauction.security.SeatSecrets;
import dev.iplauction.security.SecretsSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires one agent instance: its browser, its seats, its decisions and its reports to Kafka. */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgentConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    InstanceIdentity instanceIdentity(AgentProperties properties) {
        return InstanceIdentity.of(properties.instanceId());
    }

    /** The topics agents write, and agent.commands, whose partitions stand for the seats (declared by both sides). */
    @Bean
    KafkaAdmin.NewTopics agentTopics() {
        return new KafkaAdmin.NewTopics(AgentTopics.declared().toArray(NewTopic[]::new));
    }

    @Bean(destroyMethod = "close")
    KafkaTelemetry telemetry(KafkaProperties kafka, TelemetrySettings settings) {
        return new KafkaTelemetry(kafka.buildProducerProperties(), settings);
    }

    @Bean(destroyMethod = "close")
    HeartbeatEmitter heartbeats(
            KafkaTelemetry telemetry,
            Clock clock,
            AgentProperties properties,
            InstanceIdentity identity,
            DecisionMaker decisions) {
        // Each beat says where the LLM advice stands: the room shows "AI advice warming up" while it is not ready.
        return new HeartbeatEmitter(
                telemetry,
                clock,
                properties.auctionCode(),
                identity.instanceId(),
                identity.host(),
                properties.heartbeatInterval(),
                decisions::advisor);
    }

    /** What players are worth: rated from the shipped Cricsheet profiles, blended with the auction list's signals. */
    @Bean
    Valuation valuation() {
        return new Valuation(ProfileRating.shipped());
    }

    /** The telemetry the seats and the advisor use: Kafka's, counted on the way (/actuator/prometheus). */
    @Bean
    MeteredTelemetry meteredTelemetry(KafkaTelemetry telemetry, MeterRegistry registry) {
        return new MeteredTelemetry(telemetry, registry);
    }

    @Bean(destroyMethod = "close")
    DecisionMaker decisionMaker(MeteredTelemetry telemetry, Clock clock, LlmSettings settings, Valuation valuation) {
        DecisionMaker decisions =
                DecisionMaker.from(settings, telemetry::llmCall, clock, StatisticsLine.from(valuation));
        if (decisions.llmEnabled() && Boolean.TRUE.equals(settings.warmUpOnStart())) {
            Thread.ofVirtual().name("llm-warm-up").start(() -> {
                boolean usable = decisions.warmUp();
                log.info(
                        usable
                                ? "LLM {} at {} answers: decisions take its advice within {}"
                                : "LLM {} at {} does not answer yet: decisions fall back to the rules until it does",
                        settings.model(),
                        settings.baseUrl(),
                        settings.deadline());
            });
        } else if (!decisions.llmEnabled()) {
            log.info("LLM disabled: decisions come from the rules alone");
        }
        return decisions;
    }

    /**
     * Chromium starts beside the rest of Spring's start (Kafka, the web server, the seat assignment): seats' pages wait
     * for it in the browser's queue, and Spring no longer waits the several seconds Chromium takes (README,
     * Benchmarks).
     */
    @Bean(destroyMethod = "close")
    BrowserHost browserHost(BrowserSettings settings) {
        return BrowserHost.launch(settings);
    }

    /** The start fails, as before, if Chromium does not start: checked once Spring has started everything else. */
    @Bean
    ApplicationRunner browserStarted(BrowserHost browser) {
        return args -> log.info(
                "browser ready in {} ms", browser.awaitStarted().startupTime().toMillis());
    }

    @Bean(destroyMethod = "close")
    SeatRuntime seatRuntime(
            AgentProperties properties,
            InstanceIdentity identity,
            DecisionMaker decisions,
            MeteredTelemetry telemetry,
            HeartbeatEmitter heartbeats,
            BrowserHost browser,
            Clock clock,
            Valuation valuation,
            SecretsSettings secrets) {
        return new SeatRuntime(
                new SeatRuntime.Settings(
                        properties.auctionUrl(),
                        properties.auctionCode(),
                        identity.instanceId(),
                        properties.refreshInterval()),
                new RuleBasedStrategy(BuyingStyles::of, valuation, new BudgetPlanner()),
                decisions,
                telemetry,
                heartbeats,
                new SeatTokens(SeatSecrets.resolve(properties.seatSecret(), SeatSecrets.file(secrets))),
                clock,
                (franchise, executor, listener) ->
                        new PlaywrightAuctionPage(browser, franchise.code(), executor, listener));
    }

    /** Where unreadable commands go; a bean so that the context closes its producer. */
    @Bean(destroyMethod = "close")
    SeatCommands.DeadLetters seatCommandDeadLetters(KafkaProperties kafka) {
        return new SeatCommands.DeadLetters(kafka.buildProducerProperties());
    }

    /** The seat assignment and the orchestrator's commands: one listener on agent.commands (below). */
    @Bean
    SeatCommands seatCommands(AgentProperties properties, SeatRuntime seats) {
        log.info(
                properties.teamSet().isEmpty()
                        ? "taking seats from consumer group {} (skipping {})"
                        : "playing the configured teams {} (skipping {})",
                properties.teamSet().isEmpty() ? properties.group() : properties.teamSet(),
                properties.skipSet());
        return SeatCommands.of(properties.group(), properties.teamSet(), properties.skipSet(), seats);
    }

    /**
     * Never lazy: the agent image starts Spring with lazy initialisation, and a listener bean nothing refers to would
     * then never be made, so the instance would join no group and take no seat.
     */
    @Bean
    @Lazy(false)
    SeatCommands.Listener seatCommandsListener(SeatCommands seatCommands) {
        return seatCommands.listener();
    }

    /** The seat listener's containers: the rebalance listener that makes seats, and its dead letters. */
    @Bean(SeatCommands.CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, AgentCommand> seatCommandsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            KafkaProperties kafka,
            SeatCommands seatCommands,
            SeatCommands.DeadLetters seatCommandDeadLetters) {
        return SeatCommands.containerFactory(configurer, kafka, seatCommands, seatCommandDeadLetters);
    }
}
