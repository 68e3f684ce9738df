package dev.iplauction.agent.browser;

import com.microsoft.playwright.impl.driver.Driver;
import com.microsoft.playwright.impl.driver.jar.DriverJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Playwright's driver (Node.js and its package) unpacked once into a directory and reused: {@code Playwright.create()}
 * then starts the driver from there instead of unpacking 130 MB into a new temporary directory every time. One
 * directory per Playwright version; several processes may install into the same one at once (each unpacks into its own
 * temporary directory and the first to rename it into place wins).
 */
final class DriverInstall {

    /** The system property Playwright reads, when it first starts a driver in this JVM, to find a preinstalled one. */
    static final String CLI_DIR_PROPERTY = "playwright.cli.dir";

    private static final Logger log = LoggerFactory.getLogger(DriverInstall.class);
    private static final String COMPLETE_MARKER = ".complete";

    private DriverInstall() {}

    /**
     * Makes sure the driver is unpacked under {@code base} and tells Playwright to use it, unless the JVM was already
     * told where a driver is. Takes effect only if no Playwright has started in this JVM yet.
     *
     * @return the directory Playwright will use
     */
    static synchronized Path useDriverUnder(Path base) {
        String preset = System.getProperty(CLI_DIR_PROPERTY);
        if (preset != null && !preset.isBlank()) {
            return Path.of(preset);
        }
        Path dir = install(base);
        System.setProperty(CLI_DIR_PROPERTY, dir.toString());
        return dir;
    }

    static Path install(Path base) {
        String version = Driver.class.getPackage().getImplementationVersion();
        Path dir = base.resolve("playwright-driver-" + (version == null ? "unknown" : version));
        if (isInstalled(dir)) {
            return dir;
        }
        long started = System.nanoTime();
        Path staging = null;
        try {
            Files.createDirectories(base);
            staging = Files.createTempDirectory(base, ".installing-");
            DriverJar.installDriverTo(staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherInstallWon) {
                if (!isInstalled(dir)) {
                    throw new IllegalStateException(dir + " exists but holds no complete Playwright driver: delete it"
                            + " and start again (a driver is unpacked there on the next start)");
                }
            }
            log.info("Unpacked Playwright's driver into {} in {} ms", dir, (System.nanoTime() - started) / 1_000_000);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not unpack Playwright's driver into " + base + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("could not find Playwright's driver in the class path", e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    private static boolean isInstalled(Path dir) {
        return Files.exists(dir.resolve(COMPLETE_MARKER))
                && Files.isExecutable(dir.resolve("node"))
                && Files.exists(dir.resolve("package").resolve("cli.js"));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
