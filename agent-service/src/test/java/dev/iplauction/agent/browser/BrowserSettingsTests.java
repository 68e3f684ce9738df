package dev.iplauction.agent.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserSettingsTests {

    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path file = Files.createFile(dir.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void leftOutComponentsTakeTheirDefaults() {
        BrowserSettings settings = new BrowserSettings(null, null, null, null, null, null, null, null, null);

        assertThat(settings).isEqualTo(BrowserSettings.defaults());
        assertThat(settings.chromiumPath()).isNull();
        assertThat(settings.playwrightManagesBrowser()).isTrue();
        assertThat(settings.headless()).isTrue();
        assertThat(settings.launchArgs())
                .containsExactly(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--in-process-gpu",
                        "--js-flags=--optimize-for-size",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync");
        assertThat(settings.driverDirectory()).isNull();
        assertThat(settings.navigationTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.actionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.viewportWidth()).isEqualTo(480);
        assertThat(settings.viewportHeight()).isEqualTo(360);
        assertThat(settings.contextOptions().viewportSize.get().width).isEqualTo(480);
        assertThat(settings.paint()).as("headless pages skip painting").isFalse();
    }

    @Test
    void pagesPaintWithAWindowOrWhenAskedTo() {
        assertThat(BrowserSettings.defaults().withHeadless(false).paint()).isTrue();
        assertThat(BrowserSettings.defaults()
                        .withHeadless(false)
                        .withHeadless(true)
                        .paint())
                .isFalse();
        assertThat(BrowserSettings.defaults().withPaint(true).paint()).isTrue();
        assertThat(BrowserSettings.defaults().withPaint(true).withHeadless(true).paint())
                .as("set apart from headless, it stays")
                .isTrue();
    }

    @Test
    void aBlankChromiumPathLetsPlaywrightManageItsOwnBrowser() {
        BrowserSettings settings = BrowserSettings.defaults().withChromiumPath("  ");

        assertThat(settings.chromiumPath()).isNull();
        assertThat(settings.playwrightManagesBrowser()).isTrue();
        assertThat(settings.createOptions().env)
                .doesNotContainKey("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD")
                .containsEntry(
                        "NODE_OPTIONS",
                        System.getenv().getOrDefault("NODE_OPTIONS", BrowserSettings.DRIVER_NODE_OPTIONS));
        assertThat(settings.launchOptions().executablePath).isNull();
    }

    @Test
    void aChromiumPathSkipsPlaywrightsDownloadAndLaunchesThatExecutable() throws IOException {
        Path chromium = executable("chromium");

        BrowserSettings settings = BrowserSettings.defaults().withChromiumPath(" " + chromium + " ");

        assertThat(settings.chromiumPath()).isEqualTo(chromium.toString());
        assertThat(settings.playwrightManagesBrowser()).isFalse();
        assertThat(settings.createOptions().env).containsEntry("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var launch = settings.launchOptions();
        assertThat(launch.executablePath).isEqualTo(chromium);
        assertThat(launch.headless).isTrue();
        assertThat(launch.args).startsWith(BrowserSettings.DEFAULT_LAUNCH_ARGS.toArray(String[]::new));
        assertThat(launch.args.get(launch.args.size() - 2))
                .startsWith("--disable-features=" + String.join(",", BrowserSettings.PLAYWRIGHT_DISABLED_FEATURES))
                .endsWith(String.join(",", BrowserSettings.DISABLED_FEATURES));
        assertThat(launch.args.getLast())
                .startsWith("--enable-features=" + String.join(",", BrowserSettings.PLAYWRIGHT_ENABLED_FEATURES))
                .endsWith(String.join(",", BrowserSettings.ENABLED_FEATURES));
        assertThat(launch.timeout).isEqualTo(15_000.0);
    }

    @Test
    void aMissingOrNonExecutableChromiumIsRefusedSayingWhatToDo() throws IOException {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults()
                        .withChromiumPath(dir.resolve("nope").toString()))
                .withMessageContaining("agent.browser.chromium-path")
                .withMessageContaining("does not exist")
                .withMessageContaining("apt-get install chromium")
                .withMessageContaining("leave it empty");

        Path plain = Files.createFile(dir.resolve("plain"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withChromiumPath(plain.toString()))
                .withMessageContaining("is not an executable file");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withChromiumPath(dir.toString()))
                .withMessageContaining("is not an executable file");
    }

    @Test
    void chromiumRunsInItsSandboxExactlyWhenTheLaunchArgsDoNotTurnItOff() {
        assertThat(BrowserSettings.defaults().launchOptions().chromiumSandbox).isFalse();
        // Playwright would add --no-sandbox itself unless asked for the sandbox: dropping the switch must be enough.
        var sandboxed = BrowserSettings.defaults().withLaunchArgs(List.of("--disable-gpu"));
        assertThat(sandboxed.launchOptions().chromiumSandbox).isTrue();
        assertThat(sandboxed.launchOptions().args).doesNotContain("--no-sandbox");
    }

    @Test
    void aSecondFeaturesSwitchIsRefusedBecauseChromiumWouldDropPlaywrightsOwn() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults()
                        .withLaunchArgs(List.of("--no-sandbox", "--disable-features=Translate")))
                .withMessageContaining("agent.browser.launch-args")
                .withMessageContaining("--disable-features=Translate")
                .withMessageContaining("keeps only the last");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withLaunchArgs(List.of("--DISABLE-FEATURES")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults()
                        .withLaunchArgs(List.of("--enable-features=NetworkServiceInProcess2")))
                .withMessageContaining("--enable-features=NetworkServiceInProcess2")
                .withMessageContaining("keeps only the last --enable-features");
    }

    @Test
    void launchArgsMustBeSwitchesAndHeadlessIsItsOwnSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withLaunchArgs(List.of("no-sandbox")))
                .withMessageContaining("must be Chromium switches");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withLaunchArgs(List.of("--")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withLaunchArgs(List.of("--headless=new")))
                .withMessageContaining("agent.browser.headless");

        BrowserSettings windowed =
                BrowserSettings.defaults().withHeadless(false).withLaunchArgs(List.of("--disable-gpu"));
        assertThat(windowed.launchOptions().headless).isFalse();
        assertThat(windowed.launchOptions().args).first().isEqualTo("--disable-gpu");
        assertThat(windowed.launchOptions().args).hasSize(3); // and the features switched off and on
    }

    @Test
    void timeoutsMustBePositiveAndSensible() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withTimeouts(Duration.ZERO, null))
                .withMessageContaining("agent.browser.navigation-timeout must be more than 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withTimeouts(null, Duration.ofMillis(-1)))
                .withMessageContaining("agent.browser.action-timeout");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withTimeouts(null, Duration.ofMinutes(2)))
                .withMessageContaining("at most 60s");

        BrowserSettings quick = BrowserSettings.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofMillis(500));
        assertThat(quick.navigationTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(quick.actionTimeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theViewportIsAReasonableNumberOfPixels() {
        assertThat(BrowserSettings.defaults()
                        .withViewport(1280, 720)
                        .contextOptions()
                        .viewportSize
                        .get()
                        .height)
                .isEqualTo(720);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withViewport(50, 720))
                .withMessageContaining("agent.browser.viewport-width must be between 100 and 4000 pixels, got 50");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withViewport(480, 0))
                .withMessageContaining("agent.browser.viewport-height");
    }

    @Test
    void theDriverDirectoryAppliesOnlyWithAChromiumPathAndMustNotBeAFile() throws IOException {
        Path drivers = dir.resolve("drivers");
        assertThat(BrowserSettings.defaults().withDriverDirectory(drivers).effectiveDriverDirectory())
                .as("Playwright's own browser is installed by its temporary driver")
                .isNull();
        Path chromium = executable("chromium");
        assertThat(BrowserSettings.defaults()
                        .withChromiumPath(chromium.toString())
                        .withDriverDirectory(drivers)
                        .effectiveDriverDirectory())
                .isEqualTo(drivers);

        Path file = Files.createFile(dir.resolve("a-file"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BrowserSettings.defaults().withDriverDirectory(file))
                .withMessageContaining("agent.browser.driver-directory");
    }
}
