package dev.iplauction.security;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator token and what it guards ({@code operator.*}). Anything that will not do stops the start with a message
 * naming the property.
 *
 * @param token the token ({@code OPERATOR_TOKEN}); empty: the content of the token file
 * @param tokenFile where the token is kept when {@code token} is empty; empty: {@code SECRETS_DIR/operator-token}, made
 *     at first start
 * @param protect the paths that need the token, each a path pattern ({@code /api/**}), optionally after one HTTP
 *     method ({@code POST /api/replay/**}); empty: nothing is guarded and no token is made
 */
@ConfigurationProperties("operator")
public record OperatorSettings(
        @DefaultValue("") String token,
        @DefaultValue("") String tokenFile,
        @DefaultValue List<String> protect) {

    /** Shorter than this is guessable. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public OperatorSettings {
        token = token == null ? "" : token;
        tokenFile = tokenFile == null ? "" : tokenFile.strip();
        protect = protect == null ? List.of() : List.copyOf(protect);
        for (String rule : protect) {
            try {
                new OperatorTokenFilter("-".repeat(MIN_TOKEN_LENGTH), List.of(rule));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "operator.protect: '" + rule + "' is not a path pattern such as"
                                + " /api/** or POST /api/replay/** (" + e.getMessage() + ")",
                        e);
            }
        }
        if (!protect.isEmpty() && !token.isBlank() && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("operator.token (OPERATOR_TOKEN) must be at least " + MIN_TOKEN_LENGTH
                    + " characters, got " + token.length() + "; leave it empty to have one made");
        }
        if (!tokenFile.isEmpty()) {
            try {
                Path.of(tokenFile);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(
                        "operator.token-file is not a path: '" + tokenFile + "' (" + e.getReason() + ")", e);
            }
        }
    }

    /** Where the token is kept when none is configured: the token file, else {@code operator-token} among secrets. */
    public Path tokenFile(SecretsSettings secrets) {
        return tokenFile.isEmpty() ? secrets.file(OperatorSecurityAutoConfiguration.FILE_NAME) : Path.of(tokenFile);
    }
}
