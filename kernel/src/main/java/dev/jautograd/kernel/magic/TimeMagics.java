package dev.jautograd.kernel.magic;

import dev.jautograd.kernel.session.CellResult;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** {@code %time}, {@code %%time} and {@code %timeit}, printing as IPython does. */
final class TimeMagics {
    private static final int DEFAULT_RUNS = 7;

    private final Interpreter shell;

    TimeMagics(Interpreter shell) {
        this.shell = shell;
    }

    CellResult time(String statement, int count) throws MagicError {
        if (statement.isEmpty()) {
            throw MagicError.usage("%time needs a statement: %time x.matmul(y)");
        }
        return timed(() -> shell.execute(statement, count));
    }

    /** The cell runs through the magics again, so it may hold line magics of its own. */
    CellResult timeCell(Interpreter magics, String body, int count) {
        return timed(() -> magics.execute(body, count));
    }

    private static CellResult timed(java.util.function.Supplier<CellResult> run) {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        CellResult result = run.get();
        long wall = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        // JShell runs a cell on threads of its own (and the JIT and GC on others): the CPU time is the process's.
        System.out.println("CPU time: " + format(cpu / 1e9) + " (whole process)\nWall time: " + format(wall / 1e9));
        return result;
    }

    /**
     * The timing loops run inside one snippet ({@link Timing}), not here: only code JShell is
     * executing can be stopped by Kernel &gt; Interrupt, which then ends the magic like any cell.
     */
    CellResult timeit(String args, int count) throws MagicError {
        var options = TimeitOptions.parse(args);
        String body = compile(options.statement(), count);
        var result = shell.execute("dev.jautograd.kernel.magic.Timing.measure(" + body + ", " + options.loops() + ", "
                + (options.runs() > 0 ? options.runs() : DEFAULT_RUNS) + ")", count);
        if (result.failed()) {
            if ("Interrupted".equals(result.error().ename())) {
                return result;
            }
            throw new MagicError(result.error().ename(), result.error().evalue());
        }
        double[] measured = (double[]) result.value();
        System.out.println(report(java.util.Arrays.copyOfRange(measured, 1, measured.length), (int) measured[0]));
        return new CellResult(false, null, null, null);
    }

    /**
     * The statement as a lambda that runs it n times and returns the nanoseconds taken: an
     * expression's value is kept (so the JIT cannot drop it), else it runs as a statement (a void
     * call, a block). Compiled here once to pick the form and report errors; not run.
     */
    private String compile(String statement, int count) throws MagicError {
        String asValue = loop("dev.jautograd.kernel.magic.Timing.consume(" + statement + ");");
        if (!shell.execute(asValue, count).failed()) {
            return asValue;
        }
        String asStatement = loop(statement + ";");
        var compiled = shell.execute(asStatement, count);
        if (compiled.failed()) {
            throw new MagicError(compiled.error().ename(), compiled.error().evalue());
        }
        return asStatement;
    }

    private static String loop(String body) {
        return "((dev.jautograd.kernel.magic.Timing.Body) __n -> { long __t0 = System.nanoTime();"
                + " for (int __i = 0; __i < __n; __i++) { " + body + " } return System.nanoTime() - __t0; })";
    }

    /** {@code 1.23 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)}. */
    static String report(double[] perLoop, int loops) {
        double mean = 0;
        for (double v : perLoop) {
            mean += v;
        }
        mean /= perLoop.length;
        double var = 0;
        for (double v : perLoop) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / perLoop.length); // numpy's std, as IPython uses
        int runs = perLoop.length;
        return String.format(Locale.ROOT, "%s ± %s per loop (mean ± std. dev. of %d run%s, %,d loop%s each)",
                format(mean), format(std), runs, runs == 1 ? "" : "s", loops, loops == 1 ? "" : "s");
    }

    /** IPython's _format_time: three significant digits in s, ms, µs or ns. */
    static String format(double seconds) {
        String[] units = {"s", "ms", "µs", "ns"};
        int order = seconds > 0 ? Math.min(3, Math.max(0, (int) -Math.floor(Math.log10(seconds) / 3))) : 3;
        double value = seconds * Math.pow(1000, order);
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
                + " " + units[order];
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private record TimeitOptions(int loops, int runs, String statement) {
        static TimeitOptions parse(String args) throws MagicError {
            int loops = 0;
            int runs = 0;
            String rest = args.strip();
            while (rest.startsWith("-n") || rest.startsWith("-r")) {
                String[] parts = rest.split("\\s+", 3);
                if (parts.length < 3) {
                    throw MagicError.usage("%timeit [-n loops] [-r runs] statement");
                }
                try {
                    int value = Integer.parseInt(parts[1]);
                    if (value < 1) {
                        throw new NumberFormatException();
                    }
                    loops = parts[0].equals("-n") ? value : loops;
                    runs = parts[0].equals("-r") ? value : runs;
                } catch (NumberFormatException e) {
                    throw MagicError.usage(parts[0] + " takes a positive whole number, not " + parts[1]);
                }
                rest = parts[2];
            }
            if (rest.isEmpty()) {
                throw MagicError.usage("%timeit needs a statement: %timeit x.matmul(y)");
            }
            return new TimeitOptions(loops, runs, rest.endsWith(";") ? rest.substring(0, rest.length() - 1) : rest);
        }
    }
}
