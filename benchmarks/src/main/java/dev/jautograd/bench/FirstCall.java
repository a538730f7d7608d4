package dev.jautograd.bench;

import dev.jautograd.Torch;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * A workload's first call in a fresh JVM, what a notebook cell costs the first time it runs:
 * {@code java <the kernel's flags> -cp benchmarks.jar dev.jautograd.bench.FirstCall NAME} ({@code --list}: the names).
 * Prints one JSON line, torch_first.py's counterpart: {@code startup_ns} (JVM start until the
 * library has loaded and made its first tensor, as PyTorch's {@code import torch}),
 * {@code setup_ns} (the workload's inputs), {@code first_ns} (the first call, timed alone) and
 * {@code first_cpu_ns} (the CPU time the calling thread spent in it, which a loaded machine
 * disturbs far less than the wall time: workers and JIT threads are not in it, on either side).
 */
public final class FirstCall {
    private FirstCall() {}

    public static void main(String[] args) {
        if (args[0].equals("--list")) {
            Workloads.names().forEach(System.out::println);
            return;
        }
        long uptimeNs = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L; // ms resolution
        long t0 = System.nanoTime();
        Torch.zeros(1); // loads the library, like import torch
        long loaded = System.nanoTime();
        Supplier<Object> step = Workloads.make(args[0]);
        long c1 = threadCpuNanos(), t1 = System.nanoTime();
        Object result = step.get();
        long t2 = System.nanoTime(), c2 = threadCpuNanos();
        if (result == null) throw new AssertionError(); // keeps the result alive
        System.out.printf("{\"workload\": \"%s\", \"startup_ns\": %d, \"setup_ns\": %d, \"first_ns\": %d%s}%n",
                args[0], uptimeNs + loaded - t0, t1 - loaded, t2 - t1,
                c1 < 0 || c2 < 0 ? "" : ", \"first_cpu_ns\": " + (c2 - c1));
    }

    /**
     * This thread's CPU time from Linux's /proc/thread-self/schedstat (its first field), -1 elsewhere:
     * a plain file read, where the management beans would load ~150 classes into the measurement.
     */
    private static long threadCpuNanos() {
        try (FileInputStream in = new FileInputStream("/proc/thread-self/schedstat")) {
            byte[] text = in.readNBytes(64);
            long nanos = 0;
            for (int i = 0; i < text.length && text[i] >= '0' && text[i] <= '9'; i++) nanos = nanos * 10 + text[i] - '0';
            return nanos;
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }
}
