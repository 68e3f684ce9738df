package dev.iplauction.security;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The web services' shared guards: a cap on every request body ({@code http.max-request-body}, default 64 KB), and the
 * operator token on the paths a service lists in {@code operator.protect}. The token is {@code OPERATOR_TOKEN}
 * ({@code operator.token}) or, when that is empty, the content of {@code operator.token-file} (default
 * {@code SECRETS_DIR/operator-token}), made at first start and readable by its owner only. It is never logged.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.Filter")
public class OperatorSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OperatorSecurityAutoConfiguration.class);

    public static final String FILE_NAME = "operator-token";

    /** Far above any request the services take (a bid, a seat, an auction's settings are well under 1 KB). */
    static final DataSize DEFAULT_MAX_REQUEST_BODY = DataSize.ofKilobytes(64);

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(Environment environment) {
        DataSize max = Binder.get(environment)
                .bind("http.max-request-body", DataSize.class)
                .orElse(DEFAULT_MAX_REQUEST_BODY);
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(max.toBytes()));
        // Before the operator token and anything else that could read the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<OperatorTokenFilter> operatorTokenFilter(Environment environment) {
        List<String> rules = Binder.get(environment)
                .bind("operator.protect", Bindable.listOf(String.class))
                .orElse(List.of());
        if (rules.isEmpty()) {
            // Nothing to protect in this service: no filter, and no token made for it.
            var none = new FilterRegistrationBean<>(new OperatorTokenFilter("unused-operator-token", List.of()));
            none.setEnabled(false);
            return none;
        }
        String configured = environment.getProperty("operator.token", "");
        String token;
        if (configured.isBlank()) {
            String fileSetting = environment.getProperty("operator.token-file", "");
            Path file = fileSetting.isBlank()
                    ? SecretFiles.directory(environment.getProperty("secrets.dir"))
                            .resolve(FILE_NAME)
                    : Path.of(fileSetting);
            token = SecretFiles.readOrCreate(file);
            log.info("operator token: in {} (owner-only; scripts/operator-token.sh prints it) for {}", file, rules);
        } else {
            token = configured;
            log.info("operator token: from OPERATOR_TOKEN, for {}", rules);
        }
        if (token.length() < 16) {
            throw new IllegalStateException("OPERATOR_TOKEN (operator.token) must be at least 16 characters");
        }
        var registration = new FilterRegistrationBean<>(new OperatorTokenFilter(token, rules));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
