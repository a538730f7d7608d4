package dev.jautograd.kernel.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of every thread of this JVM, the JIT compilers and the collector included (which
 * {@code ThreadMXBean} does not list), read from Linux's {@code /proc/self/task}: with timing on,
 * what else ran while a request waited. Empty where there is no /proc.
 */
final class ThreadCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Clock ticks a second: 100 on every Linux the kernel runs on (USER_HZ). */
    private static final double MS_PER_TICK = 10;

    private ThreadCpu() {
    }

    /** Thread id to name and ticks (user + system). */
    static Map<String, long[]> read() {
        var ticks = new HashMap<String, long[]>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after ")": state is field 3; utime and stime are fields 14 and 15
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    ticks.put(task.getFileName() + " " + stat.substring(open + 1, close), new long[] {used});
                } catch (IOException | RuntimeException e) {
                    // a thread that ended between the listing and the read
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    /** The threads that used CPU between two readings, most first: "C2 CompilerThre 120 ms, ...". */
    static String since(Map<String, long[]> before, Map<String, long[]> after) {
        var line = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()[0] - before.getOrDefault(e.getKey(), new long[1])[0]))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> line.append(line.length() == 0 ? "" : ", ")
                        .append(e.getKey().substring(e.getKey().indexOf(' ') + 1))
                        .append(' ').append(Math.round(e.getValue() * MS_PER_TICK)).append(" ms"));
        return line.length() == 0 ? "none measurable" : line.toString();
    }
}
