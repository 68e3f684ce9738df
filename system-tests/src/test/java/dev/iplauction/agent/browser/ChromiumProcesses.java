package dev.iplauction.agent.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** This JVM's Playwright driver and Chromium processes, found in the process tree (Linux). */
final class ChromiumProcesses {

    private ChromiumProcesses() {}

    /** The Playwright drivers (Node.js) this JVM runs now. */
    static Set<Long> driverProcesses() {
        return ProcessHandle.current()
                .children()
                .filter(ChromiumProcesses::isDriver)
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** The driver started since {@code before} was taken. */
    static ProcessHandle newDriver(Set<Long> before) {
        return await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> ProcessHandle.current()
                                .children()
                                .filter(ChromiumProcesses::isDriver)
                                .filter(p -> !before.contains(p.pid()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The browser (main) process a driver started. */
    static ProcessHandle browserOf(ProcessHandle driver) {
        return driver.children()
                .filter(p -> p.info().command().orElse("").contains("chrom"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("driver " + driver.pid() + " runs no Chromium"));
    }

    static boolean isDriver(ProcessHandle process) {
        return process.info().command().orElse("").endsWith("/node");
    }

    /** Proportional set size of one process, in KiB (0 once it is gone). */
    static long pssKib(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    /** CPU time (user and system) a process has used so far, in ms (0 once it is gone). */
    static long cpuMillis(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Proportional set size of a process and all its descendants, in KiB. */
    static long treePssKib(ProcessHandle root) {
        return pssKib(root)
                + root.descendants().mapToLong(ChromiumProcesses::pssKib).sum();
    }
}
