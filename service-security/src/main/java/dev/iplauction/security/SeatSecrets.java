package dev.iplauction.security;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The agents' seat secret (seat tokens are HMACs under it): never a default. Set {@code AGENT_SEAT_SECRET}, or leave
 * it empty and the first service to start writes a random one to {@code SECRETS_DIR/seat-secret}, which every other
 * service on the same volume reads.
 */
public final class SeatSecrets {

    public static final String SETTING = "AGENT_SEAT_SECRET";
    public static final String FILE_NAME = "seat-secret";
    public static final int MIN_LENGTH = 16;

    /** Defaults that once shipped: anyone can compute seat tokens from them. */
    private static final Set<String> KNOWN = Set.of("change-me-ipl-agents", "change-me", "changeme", "secret");

    private SeatSecrets() {}

    /** What is wrong with this secret, naming the setting; empty when it will do. */
    public static Optional<String> problem(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.of(SETTING + " is empty");
        }
        if (KNOWN.contains(secret.strip().toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(SETTING + " is a published default: anyone could compute the agents' seat tokens from"
                    + " it. Set a random value (openssl rand -base64 32) or leave it empty to have one made.");
        }
        if (secret.length() < MIN_LENGTH) {
            return Optional.of(SETTING + " must be at least " + MIN_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** The configured secret if there is one, else the shared file's (made if absent); refused if it will not do. */
    public static String resolve(String configured, Path file) {
        String secret = configured == null || configured.isBlank() ? SecretFiles.readOrCreate(file) : configured;
        problem(secret).ifPresent(p -> {
            throw new IllegalStateException(p);
        });
        return secret;
    }

    /** The shared file among the secrets: {@code SECRETS_DIR/seat-secret}. */
    public static Path file(SecretsSettings secrets) {
        return secrets.file(FILE_NAME);
    }
}
