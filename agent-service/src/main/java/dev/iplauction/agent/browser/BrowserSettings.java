package dev.iplauction.agent.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How an agent instance runs its one browser, bound from {@code agent.browser.*}:
 * every component left out (null) takes its default, and anything out of range is refused with a message naming the
 * property.
 *
 * @param chromiumPath the Chromium executable to drive ({@code agent.browser.executable-path}, {@code CHROMIUM_PATH}) (Debian's is {@code /usr/lib/chromium/chromium}); null or blank
 *     lets Playwright download and manage its own browser, which needs the internet on first start
 * @param headless whether Chromium runs without a window (default true)
 * @param launchArgs Chromium's command-line switches; by default {@link #DEFAULT_LAUNCH_ARGS}. Never
 *     {@code --disable-features} or {@code --enable-features}: Chromium keeps only the last of each, which would drop
 *     Playwright's own list and the agent's
 * @param driverDirectory where to unpack Playwright's driver (Node.js and its package, about 130 MB) once and reuse it
 *     on every later start, instead of unpacking it into a new temporary directory each time (which also leaks one on
 *     {@code kill -9}); null for Playwright's default. Used only with a {@code chromiumPath}: a browser managed by
 *     Playwright is installed by the temporary driver on start
 * @param navigationTimeout the longest a page load (the lobby, the room, a form's answer) may take
 * @param actionTimeout the longest anything else done in a page (a click, reading the state) may take
 * @param viewportWidth the width of each seat's page in CSS pixels. Nobody watches an agent's screen, and a small page
 *     has less to paint: 480×360 against Playwright's 1280×720 took a quarter less CPU and about 300 MiB less memory
 *     for nine seats. Everything the agent reads or clicks is in the page whatever its size (the pages work from 375
 *     px wide)
 * @param viewportHeight its height
 * @param paint whether seats' pages draw themselves. By default only with a window (not headless): a headless agent's
 *     pages keep their document, scripts, live updates and buttons but skip painting, which took nine idle rooms from
 *     about 340 ms to 60 ms of CPU a second
 */
@ConfigurationProperties("agent.browser")
public record BrowserSettings(
        @Name("executable-path") String chromiumPath,
        Boolean headless,
        List<String> launchArgs,
        Path driverDirectory,
        Duration navigationTimeout,
        Duration actionTimeout,
        Integer viewportWidth,
        Integer viewportHeight,
        Boolean paint) {

    /**
     * Chromium's switches for a server without a display, sandbox or need for Google's background services. Playwright
     * adds its own (including its {@code --disable-features} list) on top. Without {@code --no-sandbox} Chromium runs
     * in its sandbox, which needs user namespaces: Docker's default seccomp profile refuses them ("No usable
     * sandbox!"), a non-root user outside a container usually has them. The sandbox cost no memory measurable here.
     * {@code --in-process-gpu}: with the GPU off, Chromium's GPU process only hosts the compositor (software, and
     * headless seats do not paint), about 42 MiB of PSS as a process of its own; measured with nine seats
     * (scripts/bench-agents.sh) together with the network service in the browser process ({@link #ENABLED_FEATURES}),
     * Chromium's processes other than the renderers took 280 instead of 304 MiB at the instance's peak.
     * {@code --js-flags=--optimize-for-size}: a seat's renderer piles up 15 to 20 MiB of Blink's memory (the room
     * page's discarded lists; its V8 heap is only 3 to 6 MiB) before giving it back, and with V8 tuned for size less:
     * the renderers peaked at 596 to 607 MiB in four runs against 632 to 681 MiB in five without it.
     */
    public static final List<String> DEFAULT_LAUNCH_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--in-process-gpu",
            "--js-flags=--optimize-for-size",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    /**
     * Chromium features every seat's browser turns off, on top of Playwright's own list. Headless Chromium builds the
     * omnibox popup of each browser window (one window per browser context) as a WebUI page in a renderer of its
     * own, though nothing ever shows it: measured with nine seats (scripts/bench-agents.sh), nine such renderers of
     * about 30 MiB each, and three contexts opened about twice as fast without them.
     */
    static final List<String> DISABLED_FEATURES =
            List.of("WebUIOmniboxPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxAimPopup");

    /**
     * Playwright's own {@code --disable-features} list (its chromiumSwitches, version 1.62). Chromium keeps only the
     * last {@code --disable-features} it is given, so ours must repeat Playwright's; {@code BrowserHostIT} checks
     * this list against the driver's whenever Playwright is upgraded.
     */
    static final List<String> PLAYWRIGHT_DISABLED_FEATURES = List.of(
            "AvoidUnnecessaryBeforeUnloadCheckSync",
            "BoundaryEventDispatchTracksNodeRemoval",
            "DestroyProfileOnBrowserClose",
            "DialMediaRouteProvider",
            "GlobalMediaControls",
            "HttpsUpgrades",
            "LensOverlay",
            "MediaRouter",
            "PaintHolding",
            "ThirdPartyStoragePartitioning",
            "BlockOriginHeaderModificationOnRedirect",
            "Translate",
            "AutoDeElevate",
            "OptimizationHints",
            "msForceBrowserSignIn",
            "msEdgeUpdateLaunchServicesPreferredVersion");

    /**
     * Chromium features every seat's browser turns on, after Playwright's own. The network service runs in the browser
     * process instead of a process of its own (about 56 MiB of PSS there); measured with {@code --in-process-gpu}
     * (see {@link #DEFAULT_LAUNCH_ARGS}).
     */
    static final List<String> ENABLED_FEATURES = List.of("NetworkServiceInProcess2");

    /**
     * Playwright's own {@code --enable-features} list (its chromiumSwitches, version 1.62); like the disabled ones,
     * ours must repeat it, and {@code BrowserHostIT} checks it against the driver's.
     */
    static final List<String> PLAYWRIGHT_ENABLED_FEATURES = List.of("CDPScreenshotNewSurface");

    /**
     * Node's options for Playwright's driver: a young generation of 2 MiB semi-spaces instead of V8's 16 MiB, since
     * the driver only relays protocol messages and its memory was 200-260 MiB of the instance's PSS. An operator's own
     * {@code NODE_OPTIONS} wins.
     */
    static final String DRIVER_NODE_OPTIONS = "--max-semi-space-size=2";

    public static final Duration DEFAULT_NAVIGATION_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_VIEWPORT_WIDTH = 480;
    public static final int DEFAULT_VIEWPORT_HEIGHT = 360;

    private static final Duration LONGEST_NAVIGATION_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LONGEST_ACTION_TIMEOUT = Duration.ofMinutes(1);
    private static final int SMALLEST_VIEWPORT = 100;
    private static final int LARGEST_VIEWPORT = 4_000;

    public BrowserSettings {
        chromiumPath = chromiumPath == null || chromiumPath.isBlank() ? null : chromiumPath.trim();
        headless = headless != null ? headless : Boolean.TRUE;
        launchArgs = launchArgs != null ? List.copyOf(launchArgs) : DEFAULT_LAUNCH_ARGS;
        navigationTimeout = navigationTimeout != null ? navigationTimeout : DEFAULT_NAVIGATION_TIMEOUT;
        actionTimeout = actionTimeout != null ? actionTimeout : DEFAULT_ACTION_TIMEOUT;
        viewportWidth = viewportWidth != null ? viewportWidth : DEFAULT_VIEWPORT_WIDTH;
        viewportHeight = viewportHeight != null ? viewportHeight : DEFAULT_VIEWPORT_HEIGHT;
        paint = paint != null ? paint : !headless;

        if (chromiumPath != null) {
            Path executable = Path.of(chromiumPath);
            if (!Files.exists(executable)) {
                throw new IllegalArgumentException("agent.browser.chromium-path " + chromiumPath
                        + " does not exist: install Chromium (on Debian: apt-get install chromium, then use"
                        + " /usr/lib/chromium/chromium) or leave it empty to let Playwright download its own browser");
            }
            if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
                throw new IllegalArgumentException("agent.browser.chromium-path " + chromiumPath
                        + " is not an executable file: point it at the Chromium binary itself"
                        + " (on Debian /usr/lib/chromium/chromium)");
            }
        }
        for (String arg : launchArgs) {
            if (arg == null || arg.length() < 3 || !arg.startsWith("--")) {
                throw new IllegalArgumentException(
                        "agent.browser.launch-args must be Chromium switches such as --disable-gpu, got '" + arg + "'");
            }
            String name = arg.toLowerCase(Locale.ROOT);
            for (String features : List.of("--disable-features", "--enable-features")) {
                if (name.equals(features) || name.startsWith(features + "=")) {
                    throw new IllegalArgumentException("agent.browser.launch-args must not contain " + arg
                            + ": Chromium keeps only the last " + features + ", which would drop the list"
                            + " Playwright passes itself and the agent's own (BrowserSettings.DISABLED_FEATURES,"
                            + " ENABLED_FEATURES)");
                }
            }
            if (name.equals("--headless") || name.startsWith("--headless=")) {
                throw new IllegalArgumentException(
                        "agent.browser.launch-args must not contain " + arg + ": set agent.browser.headless instead");
            }
        }
        if (driverDirectory != null && Files.exists(driverDirectory) && !Files.isDirectory(driverDirectory)) {
            throw new IllegalArgumentException("agent.browser.driver-directory " + driverDirectory
                    + " is a file: point it at a directory (it is created if missing)");
        }
        requireWithin("agent.browser.navigation-timeout", navigationTimeout, LONGEST_NAVIGATION_TIMEOUT);
        requireWithin("agent.browser.action-timeout", actionTimeout, LONGEST_ACTION_TIMEOUT);
        requireWithin("agent.browser.viewport-width", viewportWidth);
        requireWithin("agent.browser.viewport-height", viewportHeight);
    }

    /** Headless, Playwright's own browser, the default switches and timeouts, no driver directory. */
    public static BrowserSettings defaults() {
        return new BrowserSettings(null, null, null, null, null, null, null, null, null);
    }

    public BrowserSettings withChromiumPath(String path) {
        return new BrowserSettings(
                path,
                headless,
                launchArgs,
                driverDirectory,
                navigationTimeout,
                actionTimeout,
                viewportWidth,
                viewportHeight,
                paint);
    }

    /** Headless or not; painting follows unless it was set apart. */
    public BrowserSettings withHeadless(boolean value) {
        return new BrowserSettings(
                chromiumPath,
                value,
                launchArgs,
                driverDirectory,
                navigationTimeout,
                actionTimeout,
                viewportWidth,
                viewportHeight,
                paint == !headless ? null : paint);
    }

    public BrowserSettings withLaunchArgs(List<String> args) {
        return new BrowserSettings(
                chromiumPath,
                headless,
                args,
                driverDirectory,
                navigationTimeout,
                actionTimeout,
                viewportWidth,
                viewportHeight,
                paint);
    }

    public BrowserSettings withDriverDirectory(Path directory) {
        return new BrowserSettings(
                chromiumPath,
                headless,
                launchArgs,
                directory,
                navigationTimeout,
                actionTimeout,
                viewportWidth,
                viewportHeight,
                paint);
    }

    public BrowserSettings withTimeouts(Duration navigation, Duration action) {
        return new BrowserSettings(
                chromiumPath,
                headless,
                launchArgs,
                driverDirectory,
                navigation,
                action,
                viewportWidth,
                viewportHeight,
                paint);
    }

    public BrowserSettings withViewport(int width, int height) {
        return new BrowserSettings(
                chromiumPath,
                headless,
                launchArgs,
                driverDirectory,
                navigationTimeout,
                actionTimeout,
                width,
                height,
                paint);
    }

    public BrowserSettings withPaint(boolean value) {
        return new BrowserSettings(
                chromiumPath,
                headless,
                launchArgs,
                driverDirectory,
                navigationTimeout,
                actionTimeout,
                viewportWidth,
                viewportHeight,
                value);
    }

    /** Whether Playwright downloads and manages its own browser (no {@code chromiumPath}). */
    public boolean playwrightManagesBrowser() {
        return chromiumPath == null;
    }

    /** The driver directory, where it applies (only with a {@code chromiumPath}). */
    Path effectiveDriverDirectory() {
        return playwrightManagesBrowser() ? null : driverDirectory;
    }

    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(viewportWidth, viewportHeight);
    }

    Playwright.CreateOptions createOptions() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NODE_OPTIONS", System.getenv().getOrDefault("NODE_OPTIONS", DRIVER_NODE_OPTIONS));
        if (!playwrightManagesBrowser()) {
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        return new Playwright.CreateOptions().setEnv(env);
    }

    BrowserType.LaunchOptions launchOptions() {
        List<String> args = new ArrayList<>(launchArgs);
        args.add("--disable-features=" + String.join(",", PLAYWRIGHT_DISABLED_FEATURES) + ","
                + String.join(",", DISABLED_FEATURES));
        args.add("--enable-features=" + String.join(",", PLAYWRIGHT_ENABLED_FEATURES) + ","
                + String.join(",", ENABLED_FEATURES));
        var options = new BrowserType.LaunchOptions()
                .setHeadless(headless)
                .setArgs(args)
                // Playwright adds --no-sandbox itself unless told otherwise: the launch args are the one switch.
                .setChromiumSandbox(!launchArgs.contains("--no-sandbox"))
                .setTimeout(navigationTimeout.toMillis());
        if (!playwrightManagesBrowser()) {
            options.setExecutablePath(Path.of(chromiumPath));
        }
        return options;
    }

    private static void requireWithin(String property, int pixels) {
        if (pixels < SMALLEST_VIEWPORT || pixels > LARGEST_VIEWPORT) {
            throw new IllegalArgumentException(property + " must be between " + SMALLEST_VIEWPORT + " and "
                    + LARGEST_VIEWPORT + " pixels, got " + pixels);
        }
    }

    private static void requireWithin(String property, Duration value, Duration longest) {
        if (value.isNegative() || value.isZero() || value.compareTo(longest) > 0) {
            throw new IllegalArgumentException(
                    property + " must be more than 0 and at most " + longest.toSeconds() + "s, got " + value);
        }
    }
}
