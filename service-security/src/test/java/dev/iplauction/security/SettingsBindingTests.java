package dev.iplauction.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The shared settings as Spring binds them: the defaults, and values that will not do refused by name. */
class SettingsBindingTests {

    @TempDir
    Path dir;

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }

    @Test
    void nothingSetGivesTheDefaults() {
        assertThat(bind("secrets", SecretsSettings.class, Map.of()).directory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".ipl-auction"));
        OperatorSettings operator = bind("operator", OperatorSettings.class, Map.of());
        assertThat(operator.token()).isEmpty();
        assertThat(operator.protect()).isEmpty();
        assertThat(operator.tokenFile(new SecretsSettings(dir.toString()))).isEqualTo(dir.resolve("operator-token"));
        assertThat(bind("http", RequestBodySettings.class, Map.of()).maxRequestBody())
                .isEqualTo(DataSize.ofKilobytes(64));
    }

    @Test
    void propertiesAreBoundByName() {
        assertThat(bind("secrets", SecretsSettings.class, Map.of("secrets.dir", dir.toString()))
                        .file("seat-secret"))
                .isEqualTo(dir.resolve("seat-secret"));
        OperatorSettings operator = bind(
                "operator",
                OperatorSettings.class,
                Map.of(
                        "operator.token", "a-long-enough-operator-token",
                        "operator.token-file", dir.resolve("elsewhere").toString(),
                        "operator.protect[0]", "/api/**",
                        "operator.protect[1]", "POST /api/replay/**"));
        assertThat(operator.protect()).containsExactly("/api/**", "POST /api/replay/**");
        assertThat(operator.tokenFile(SecretsSettings.defaults())).isEqualTo(dir.resolve("elsewhere"));
        assertThat(bind("http", RequestBodySettings.class, Map.of("http.max-request-body", "2KB"))
                        .maxRequestBody())
                .isEqualTo(DataSize.ofKilobytes(2));
    }

    @Test
    void aValueThatWillNotDoStopsTheStartNamingTheProperty() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertThatThrownBy(() -> bind("secrets", SecretsSettings.class, Map.of("secrets.dir", file.toString())))
                .rootCause()
                .hasMessageContaining("secrets.dir (SECRETS_DIR) must be a folder");
        assertThatThrownBy(() -> bind(
                        "operator",
                        OperatorSettings.class,
                        Map.of("operator.token", "short", "operator.protect[0]", "/api/**")))
                .rootCause()
                .hasMessageContaining("operator.token (OPERATOR_TOKEN) must be at least 16 characters");
        assertThatThrownBy(() -> bind("operator", OperatorSettings.class, Map.of("operator.protect[0]", "/api/**/x")))
                .hasStackTraceContaining("operator.protect: '/api/**/x' is not a path pattern");
        assertThatThrownBy(() -> bind("http", RequestBodySettings.class, Map.of("http.max-request-body", "0B")))
                .rootCause()
                .hasMessageContaining("http.max-request-body (HTTP_MAX_REQUEST_BODY) must be at least 1B");
    }

    @Test
    void aShortTokenGuardingNothingIsNotUsedSoNotRefused() {
        assertThat(bind("operator", OperatorSettings.class, Map.of("operator.token", "short"))
                        .protect())
                .isEmpty();
    }
}
