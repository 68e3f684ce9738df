package dev.iplauction.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalKafkaConfigTests {

    @Test
    void noArgumentsGiveTheDefaults() {
        LocalKafkaConfig config = LocalKafkaConfig.fromArgs(new String[0]);

        assertThat(config.port()).isEqualTo(9092);
        assertThat(config.controllerPort()).isEqualTo(9093);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir())
                .isEqualTo(Path.of("data-local/kafka").toAbsolutePath().normalize());
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config).isEqualTo(LocalKafkaConfig.defaults());
    }

    @Test
    void readsEveryFlag() {
        LocalKafkaConfig config = LocalKafkaConfig.fromArgs(new String[] {
            "--port", "19092", "--controller-port", "19093", "--data-dir", "/tmp/k", "--host", "localhost"
        });

        assertThat(config).isEqualTo(new LocalKafkaConfig(19092, 19093, Path.of("/tmp/k"), "localhost"));
        assertThat(config.bootstrapServers()).isEqualTo("localhost:19092");
    }

    @Test
    void readsFlagsWrittenWithEquals() {
        LocalKafkaConfig config = LocalKafkaConfig.fromArgs(new String[] {"--port=29092", "--data-dir=/tmp/k2"});

        assertThat(config.port()).isEqualTo(29092);
        assertThat(config.controllerPort()).isEqualTo(9093);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/k2"));
    }

    @Test
    void rejectsAnUnknownFlag() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.fromArgs(new String[] {"--prot", "9092"}))
                .withMessage("unknown option '--prot': expected --port, --controller-port, --data-dir or --host");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.fromArgs(new String[] {"--port", "nine"}))
                .withMessage("--port must be a port number, but 'nine' is not a number");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.fromArgs(new String[] {"--controller-port", "70000"}))
                .withMessage("--controller-port must be between 1 and 65535, but is 70000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.fromArgs(new String[] {"--port", "0"}))
                .withMessage("--port must be between 1 and 65535, but is 0");
    }

    @Test
    void rejectsAFlagWithoutItsValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.fromArgs(new String[] {"--port"}))
                .withMessage("--port needs a value");
    }

    @Test
    void rejectsTheSamePortForBothListeners() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.fromArgs(new String[] {"--controller-port", "9092"}))
                .withMessageContaining("port and controller port must differ, both are 9092");
    }

    @Test
    void rejectsABlankHostOrDataDir() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.fromArgs(new String[] {"--host", " "}))
                .withMessageStartingWith("host is blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalKafkaConfig.fromArgs(new String[] {"--data-dir="}))
                .withMessageStartingWith("--data-dir is blank");
    }

    @Test
    void brokerPropertiesDescribeOneCombinedNodeReplicatedOnce() {
        LocalKafkaConfig config = new LocalKafkaConfig(19092, 19093, Path.of("/tmp/k"), "127.0.0.1");

        assertThat(config.brokerProperties())
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("log.dirs", "/tmp/k")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("offsets.topic.num.partitions", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("add.partitions.to.txn.retry.backoff.ms", "2");
    }
}
