package dev.jautograd.kernel.session;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Where a request's time goes, for profiling the kernel's own latency: with
 * {@code -Djautograd.timing=true} (e.g. in JAUTOGRAD_JAVA_OPTS) each execute_request logs one line
 * to the kernel log, the milliseconds between the marks its path passes (splitting, JShell's
 * compile, loading the snippet classes, running them, reading the value, rendering, the messages),
 * and start-up logs when JShell was ready. Off, a mark is one read of a constant.
 */
public final class Timing {
    public static final boolean ON = Boolean.getBoolean("jautograd.timing");
    private static final Logger LOG = Logger.getLogger(Timing.class.getName());
    private static final List<String> names = new ArrayList<>();
    private static final List<Long> times = new ArrayList<>();
    private static Map<String, long[]> cpuAtBegin = Map.of();

    private Timing() {
    }

    /** Starts a request's timeline. */
    public static void begin() {
        if (ON) {
            synchronized (names) {
                names.clear();
                times.clear();
                cpuAtBegin = ThreadCpu.read();
            }
            mark("begin");
        }
    }

    /** The time since the previous mark is {@code what}'s. */
    public static void mark(String what) {
        if (ON) {
            synchronized (names) {
                names.add(what);
                times.add(System.nanoTime());
            }
        }
    }

    /** Logs the timeline since {@link #begin}: each step's milliseconds, then the total. */
    public static void end(String label) {
        if (!ON) {
            return;
        }
        mark("end");
        var line = new StringBuilder("timing ").append(label).append(':');
        synchronized (names) {
            for (int i = 1; i < names.size(); i++) {
                line.append(String.format(" %s %.2f", names.get(i), (times.get(i) - times.get(i - 1)) / 1e6));
            }
            line.append(String.format(" | total %.2f ms", (times.get(times.size() - 1) - times.get(0)) / 1e6));
            // What else ran meanwhile: JIT compilers, the collector, a warm-up (10 ms ticks).
            line.append(" | threads' CPU meanwhile: ").append(ThreadCpu.since(cpuAtBegin, ThreadCpu.read()));
        }
        LOG.info(line.toString());
    }

    /** Logs a moment of start-up, in milliseconds since the JVM started. */
    public static void startup(String what) {
        if (ON) {
            LOG.info(String.format("timing startup: %s at %d ms since JVM start", what,
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
        }
    }
}
