package dev.jautograd.kernel;

import static dev.jautograd.Options.requiresGrad;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import dev.jautograd.plot.Plot;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the library's first-cell paths (tensor creation, a small graph forward and backward, a
 * matmul, tanh and cross-entropy, the tensor's repr and HTML, a plot's SVG) once in the
 * background right after JShell is ready, while the student reads: what the first cells would
 * otherwise pay to load, link and interpret goes here instead.
 *
 * <p>The CPU it takes is bounded: one low-priority daemon thread, a few rounds stopped after
 * {@link #BUDGET_MS}, and nothing at all when the machine is already busy (a load average at or
 * above its processor count, e.g. a class of kernels starting at once on a hub). It touches no
 * global state a cell could see: no random numbers (the generator a cell seeds), no options,
 * no JShell (which is not re-entrant). {@code -Djautograd.warmup=never|always} (in
 * JAUTOGRAD_JAVA_OPTS) turns it off, or on whatever the load, e.g. for benchmarks.
 *
 * <p>It gives way to the student: each of its steps waits until the shell channel has been idle
 * for {@link #QUIET_MS}, so a cell sent right after "ready", or a Run All, does not share the two
 * cores (and the JIT's queue) with it; the cells warm those paths themselves then.
 */
final class LibraryWarmup {
    static final long BUDGET_MS = 1500;
    /** How long the shell must have been idle before a step runs. */
    static final long QUIET_MS = 100;
    private static final int ROUNDS = 20;
    private static final long POLL_MS = 10;
    /** When the last shell request ended (System.nanoTime), or Long.MAX_VALUE while one runs. */
    private static volatile long shellIdleSince = System.nanoTime();

    private LibraryWarmup() {
    }

    /** Starts the warm-up thread unless switched off or the machine is busy. */
    static void startIfIdle() {
        String mode = System.getProperty("jautograd.warmup", "auto");
        if (mode.equals("never") || mode.equals("auto") && busy()) {
            return;
        }
        var thread = new Thread(LibraryWarmup::run, "library-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static boolean busy() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load >= Runtime.getRuntime().availableProcessors();
    }

    /** The kernel says when the shell channel starts and ends a request. */
    static void shellBusy(boolean busy) {
        shellIdleSince = busy ? Long.MAX_VALUE : System.nanoTime();
    }

    private static void run() {
        long deadline = System.nanoTime() + BUDGET_MS * 1_000_000;
        try {
            for (int i = 0; i < ROUNDS && System.nanoTime() < deadline; i++) {
                for (Runnable step : steps(i == 0)) {
                    if (!awaitQuietShell(deadline)) {
                        return;
                    }
                    step.run();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: a failure here is the cell's to meet, with its own message.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False when the budget ran out first. */
    private static boolean awaitQuietShell(long deadline) throws InterruptedException {
        while (System.nanoTime() - shellIdleSince < QUIET_MS * 1_000_000) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
        return System.nanoTime() < deadline;
    }

    /** One round, in steps short enough that a cell waits for at most one of them. */
    private static List<Runnable> steps(boolean render) {
        var weights = new Tensor[1];
        List<Runnable> steps = new ArrayList<>(List.of(LibraryWarmup::smallGraph, () -> weights[0] = classifier()));
        if (render) {
            steps.add(() -> Jupyter.registry().render(weights[0], weights[0].toString()));
            steps.add(() -> {
                var points = Torch.tensor(new double[][] {{0, 1}, {1, 0}, {1, 1}});
                Jupyter.registry().render(Plot.scatter(points, Torch.tensor(new long[] {0, 1, 1})), "plot");
            });
        }
        return steps;
    }

    private static void smallGraph() {
        var a = Torch.tensor(new double[] {5.}, requiresGrad());
        var b = Torch.tensor(new double[] {6.}, requiresGrad());
        var y = a.pow(3).sub(b.pow(2));
        y.backward();
        String repr = y.toString() + a.grad();
        if (repr.isEmpty()) {
            throw new IllegalStateException(); // keeps the repr from being optimised away
        }
    }

    /** A matmul, tanh and cross-entropy, forward and backward; returns the weights, with their gradient. */
    private static Tensor classifier() {
        var w = Torch.tensor(new double[][] {{0.1, -0.2}, {0.3, 0.4}, {-0.5, 0.6}}, requiresGrad());
        var b = Torch.tensor(new double[] {6.}, requiresGrad());
        var x = Torch.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}});
        var logits = Torch.matmul(x, w).add(b).tanh().mul(2);
        var loss = Functional.crossEntropy(logits, Torch.tensor(new long[] {0, 1}));
        loss.backward();
        loss.item();
        if (w.grad().toString().isEmpty()) {
            throw new IllegalStateException();
        }
        return w;
    }
}
