package dev.iplauction.orchestrator.metrics;

import dev.iplauction.orchestrator.health.SeatRecord;
import dev.iplauction.orchestrator.restart.Outbox;
import dev.iplauction.orchestrator.restart.Supervisor;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the meters beside the supervisor without it knowing: the seats are read, the outbox is wrapped. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    OrchestratorMeters orchestratorMeters(MeterRegistry registry, ObjectProvider<Supervisor> supervisor) {
        // Read lazily: the supervisor needs the (metered) outbox, which needs these meters.
        return new OrchestratorMeters(registry, () -> {
            Supervisor s = supervisor.getIfAvailable();
            return s == null
                    ? List.of()
                    : s.seats().stream().map(SeatRecord::status).toList();
        });
    }

    /** Static, so that wrapping the outbox does not pull the meter registry into existence early. */
    @Bean
    static BeanPostProcessor meteredOutbox(ObjectProvider<OrchestratorMeters> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Outbox outbox ? meters.getObject().metered(outbox) : bean;
            }
        };
    }
}
