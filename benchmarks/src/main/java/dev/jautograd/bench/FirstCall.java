package dev.jautograd.bench;

import dev.jautograd.Torch;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * A workload's first call in a fresh JVM, what a notebook cell costs the first time it runs:
 * {@code java <the kernel's flags> -cp benchmarks.jar dev.jautograd.bench.FirstCall NAME} ({@code --list}: the names).
 * Prints one JSON line, torch_first.py's counterpart: {@code startup_ns} (JVM start until the
 * library has loaded and made its first tensor, as PyTorch's {@code import torch}),
 * {@code setup_ns} (the workload's inputs) and {@code first_ns} (the first call, timed alone).
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
        long t1 = System.nanoTime();
        Object result = step.get();
        long t2 = System.nanoTime();
        if (result == null) throw new AssertionError(); // keeps the result alive
        System.out.printf("{\"workload\": \"%s\", \"startup_ns\": %d, \"setup_ns\": %d, \"first_ns\": %d}%n",
                args[0], uptimeNs + loaded - t0, t1 - loaded, t2 - t1);
    }
}
