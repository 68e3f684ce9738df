package dev.iplauction.security;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the owner-only secret files live ({@code secrets.dir}, which {@code SECRETS_DIR} sets). A path that cannot be
 * a folder stops the start with a message naming the property.
 *
 * @param dir the folder; blank: {@code ~/.ipl-auction}
 */
@ConfigurationProperties("secrets")
public record SecretsSettings(@DefaultValue("") String dir) {

    public SecretsSettings {
        dir = dir == null ? "" : dir.strip();
        if (!dir.isEmpty()) {
            Path path;
            try {
                path = Path.of(dir);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(
                        "secrets.dir (SECRETS_DIR) is not a path: '" + dir + "' (" + e.getReason() + ")", e);
            }
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new IllegalArgumentException(
                        "secrets.dir (SECRETS_DIR) must be a folder, but " + path + " is a file");
            }
        }
    }

    /** The folder at its default, {@code ~/.ipl-auction}. */
    public static SecretsSettings defaults() {
        return new SecretsSettings("");
    }

    /** The configured folder, else {@code ~/.ipl-auction}. */
    public Path directory() {
        return dir.isEmpty() ? Path.of(System.getProperty("user.home"), ".ipl-auction") : Path.of(dir);
    }

    /** A secret file of this name in the folder. */
    public Path file(String name) {
        return directory().resolve(name);
    }
}
