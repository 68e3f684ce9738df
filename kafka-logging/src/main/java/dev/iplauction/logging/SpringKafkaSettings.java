package dev.iplauction.logging;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;

/**
 * Boot's {@code spring.kafka.*} producer settings (bootstrap servers, security, ssl, properties, producer.*) for the
 * log appender, which Logback starts before any Spring bean exists. Boot hands Logback the application's
 * {@link Environment} before it reads logback-spring.xml (a LoggerContext object under the Environment's class name),
 * so the appender binds the same properties, the same way, as the services' own clients do.
 */
final class SpringKafkaSettings {

    private static final String ENVIRONMENT = "org.springframework.core.env.Environment";
    private static final boolean PRESENT = present("org.springframework.boot.kafka.autoconfigure.KafkaProperties")
            && present("org.springframework.boot.context.properties.bind.Binder");

    private SpringKafkaSettings() {}

    /** The producer settings from Boot's environment in this Logback context; empty outside Spring Boot. */
    static Map<String, Object> producer(ch.qos.logback.core.Context context) {
        Object environment = context == null ? null : context.getObject(ENVIRONMENT);
        return PRESENT && environment != null ? Bound.producer(environment) : Map.of();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SpringKafkaSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when Spring Boot's Kafka support is on the class path. */
    private static final class Bound {
        static Map<String, Object> producer(Object environment) {
            if (!(environment instanceof Environment spring)) {
                return Map.of();
            }
            return Binder.get(spring)
                    .bind("spring.kafka", KafkaProperties.class)
                    .orElseGet(KafkaProperties::new)
                    .buildProducerProperties();
        }
    }
}
