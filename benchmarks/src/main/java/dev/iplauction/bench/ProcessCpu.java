package dev.iplauction.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** The CPU this process spends over a benchmark's measured part: on 2 shared cores the client's share is not free. */
final class ProcessCpu {

    private ProcessCpu() {}

    /** This process's CPU time (ns) once {@code nanoTime} has passed, waiting for it first. */
    static long at(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return now();
    }

    /** "CPU per <what>: <who> 1.23 ms (measured part)": this process's CPU since {@code from}, per one of n. */
    static String per(String what, String who, long from, long n) {
        double ms = (now() - from) / 1e6;
        return String.format("CPU per %s: %s %.2f ms (measured part)", what, who, n == 0 ? Double.NaN : ms / n);
    }

    private static long now() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
