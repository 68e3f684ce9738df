package dev.iplauction.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The web services' shared guards: a cap on every request body ({@link RequestBodySettings}, default 64 KB), and the
 * operator token on the paths a service lists in {@code operator.protect} ({@link OperatorSettings}). The token is
 * {@code OPERATOR_TOKEN} ({@code operator.token}) or, when that is empty, the content of {@code operator.token-file}
 * (default {@code SECRETS_DIR/operator-token}), made at first start and readable by its owner only. It is never logged.
 */
@AutoConfiguration(after = SecretsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.Filter")
@EnableConfigurationProperties({RequestBodySettings.class, OperatorSettings.class})
public class OperatorSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OperatorSecurityAutoConfiguration.class);

    public static final String FILE_NAME = "operator-token";

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestBodySettings settings) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(settings.maxRequestBody().toBytes()));
        // Before the operator token and anything else that could read the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<OperatorTokenFilter> operatorTokenFilter(
            OperatorSettings settings, SecretsSettings secrets) {
        var rules = settings.protect();
        if (rules.isEmpty()) {
            // Nothing to protect in this service: no filter, and no token made for it.
            var none = new FilterRegistrationBean<>(new OperatorTokenFilter("unused-operator-token", rules));
            none.setEnabled(false);
            return none;
        }
        String token;
        if (settings.token().isBlank()) {
            var file = settings.tokenFile(secrets);
            token = SecretFiles.readOrCreate(file);
            log.info("operator token: in {} (owner-only; scripts/operator-token.sh prints it) for {}", file, rules);
            if (token.length() < OperatorSettings.MIN_TOKEN_LENGTH) {
                throw new IllegalStateException("the operator token in " + file + " must be at least "
                        + OperatorSettings.MIN_TOKEN_LENGTH + " characters; delete the file to have one made");
            }
        } else {
            token = settings.token();
            log.info("operator token: from OPERATOR_TOKEN, for {}", rules);
        }
        var registration = new FilterRegistrationBean<>(new OperatorTokenFilter(token, rules));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
