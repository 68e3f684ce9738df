package dev.iplauction.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets kept in files only their owner can read (0600), made once and read by every later start, so a secret
 * survives a restart and is never printed. Several processes may race to make the same file: one wins, all read its
 * content. Where they live is {@link SecretsSettings}.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /** 32 random bytes, URL-safe Base64 (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The file's secret; if there is no file yet, a new random secret written to it first. */
    public static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file, newSecret());
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(
                        "the secret file " + file + " is empty; delete it to have a new one made");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the secret file " + file, e);
        }
    }

    /** Writes the secret to a new owner-only file, unless the file exists (then it is left as it is). */
    public static void write(Path file, String secret) {
        try {
            create(file, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret file " + file, e);
        }
    }

    private static void create(Path file, String secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Written in full to a private temporary file, then linked into place: a racing reader never sees half a
        // secret, and the link fails if another process got there first.
        Path temp = posix()
                ? Files.createTempFile(
                        dir,
                        ".secret",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".secret", ".tmp");
        try {
            Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // another process made it first: theirs stands
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(file)) {
                    return;
                }
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
