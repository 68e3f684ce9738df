package dev.iplauction.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The CPU that processes spend over a benchmark's measured part: this one (on 2 shared cores the client's share is not
 * free) and others named with {@code --cpu-of name=pid,...} (the broker, the house), all read at the same two moments.
 */
final class ProcessCpu {

    /** Linux reports a process's CPU in /proc/PID/stat in units of USER_HZ, which is 100 on every architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<String, Long> pids;
    private final Map<String, Long> from = new LinkedHashMap<>();

    private ProcessCpu(String self, Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>();
        this.pids.put(self, ProcessHandle.current().pid());
        this.pids.putAll(pids);
    }

    /**
     * @param self what this process is called in the output ("client", "producer")
     * @param args the benchmark's arguments; {@code --cpu-of broker=123,house=456} names the other processes
     */
    static ProcessCpu of(String self, String[] args) {
        Map<String, Long> others = new LinkedHashMap<>();
        String list = Args.string(args, "--cpu-of", "");
        for (String entry : list.isBlank() ? new String[0] : list.split(",")) {
            String[] pair = entry.split("=", 2);
            try {
                others.put(pair[0].strip(), Long.parseLong(pair[1].strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--cpu-of needs name=pid,..., got '" + entry + "'");
            }
        }
        return new ProcessCpu(self, others);
    }

    /** Reads every process's CPU time once {@code nanoTime} has passed (the start of the measured part). */
    void startAt(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        pids.forEach((name, pid) -> from.put(name, cpuNanos(pid)));
    }

    /** "CPU per record (measured part): producer 0.05 ms, broker 0.10 ms": each process's CPU since the start. */
    String per(String what, long n) {
        var line = new StringJoiner(", ", "CPU per " + what + " (measured part): ", "");
        pids.forEach((name, pid) -> line.add(
                String.format("%s %.2f ms", name, n == 0 ? Double.NaN : (cpuNanos(pid) - from.get(name)) / 1e6 / n)));
        return line.toString();
    }

    private static long cpuNanos(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After the command name in parentheses: state is field 3; utime and stime are fields 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }
}
