package dev.iplauction.kafkatest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsContext;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * A Kafka metrics reporter that notes every client it is configured into: set it as
 * {@code spring.kafka.properties.metric.reporters} and each client built from Boot's settings makes one and names
 * itself (its kind from the metrics context's namespace: kafka.producer, kafka.consumer, kafka.admin.client,
 * kafka.streams; its client id from its settings). A client built without those settings never shows up.
 */
public class ClientRecorder implements MetricsReporter {

    /** One client: its kind (the metrics namespace) and its client id. */
    public record Client(String kind, String id) {}

    private static final Set<Client> SEEN = ConcurrentHashMap.newKeySet();

    private volatile String clientId = "";

    public static Set<Client> seen() {
        return Set.copyOf(SEEN);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get("client.id");
        clientId = id == null ? "" : id.toString();
    }

    @Override
    public void contextChange(MetricsContext context) {
        SEEN.add(new Client(context.contextLabels().get(MetricsContext.NAMESPACE), clientId));
    }

    @Override
    public void init(List<KafkaMetric> metrics) {}

    @Override
    public void metricChange(KafkaMetric metric) {}

    @Override
    public void metricRemoval(KafkaMetric metric) {}

    @Override
    public void close() {}
}
