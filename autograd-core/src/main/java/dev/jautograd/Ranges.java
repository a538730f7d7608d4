package dev.jautograd;

/** Element counts and values of arange and linspace, as PyTorch computes them. */
final class Ranges {
    private Ranges() {}

    static int count(double start, double end, double step) {
        if (step == 0) throw new IllegalArgumentException("step must be nonzero");
        if ((step > 0 && start > end) || (step < 0 && start < end)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        return (int) Math.ceil((end - start) / step);
    }

    /** The first half steps up from start, the second half down from end, as PyTorch's kernel does. */
    static double[] linspace(double start, double end, int steps) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be non-negative");
        double[] out = new double[steps];
        if (steps == 1) out[0] = start;
        if (steps <= 1) return out;
        double step = (end - start) / (steps - 1);
        int half = steps / 2;
        for (int i = 0; i < steps; i++) out[i] = i < half ? start + step * i : end - step * (steps - i - 1);
        return out;
    }
}
