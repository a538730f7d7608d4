package dev.jautograd;

/** Element counts and values of arange and linspace, as PyTorch computes them. */
final class Ranges {
    private Ranges() {}

    /** The length of an int64 arange, exact (PyTorch computes it in double only for float ranges). */
    static int count(long start, long end, long step) {
        if (step == 0) throw new IllegalArgumentException("step must be nonzero");
        if ((step > 0 && start > end) || (step < 0 && start < end)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        java.math.BigInteger span = java.math.BigInteger.valueOf(end).subtract(java.math.BigInteger.valueOf(start));
        java.math.BigInteger[] qr = span.divideAndRemainder(java.math.BigInteger.valueOf(step));
        return checkLength(qr[0].longValueExact() + (qr[1].signum() != 0 ? 1 : 0));
    }

    static int count(double start, double end, double step) {
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("unsupported range: " + number(start) + " -> " + number(end));
        }
        if (step == 0 || Double.isNaN(step)) throw new IllegalArgumentException("step must be nonzero");
        if ((step > 0 && start > end) || (step < 0 && start < end)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        return checkLength((long) Math.ceil((end - start) / step));
    }

    private static int checkLength(long n) {
        if (n > Long.MAX_VALUE / 8) {
            throw new IllegalArgumentException("Storage size calculation overflowed with sizes=[" + n + "]");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensors of more than 2^31 - 1 elements are not supported (sizes=[" + n + "])");
        }
        return (int) n;
    }

    /** A number as PyTorch's range messages print it (%g-like: 0, 1.5, nan, inf). */
    private static String number(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /**
     * PyTorch's float32 arange kernel (AVX2 build): values start + i·step in double, rounded to
     * float; whole blocks of 16 go through Vectorized::arange, which rounds each 8-lane vector's
     * first value to float and adds lane·step to that (so arange(0, 3, 0.1)[9] is 0.9000000358).
     */
    static double[] arange(double start, double step, int n) {
        double[] out = new double[n];
        int vectorized = n / 16 * 16;
        for (int i = 0; i < n; i++) {
            int lane = i % 8;
            if (i >= vectorized || lane == 0) out[i] = (float) Math.fma(step, i, start);
            else out[i] = (float) (out[i - lane] + lane * step);
        }
        return out;
    }

    /**
     * PyTorch's float32 linspace kernel as its AVX2 build runs it: step and values in float, the
     * first half up from start and the second half down from end, each one fused multiply-add
     * (so linspace(-1, 1, 7)[3] is -2.98e-08, not 0). Whole blocks of 16 go through
     * Vectorized::arange: each 8-lane vector adds lane·step (rounded) to its lane-0 value.
     */
    static double[] linspace(double start, double end, int steps) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be non-negative");
        double[] out = new double[steps];
        if (steps == 1) out[0] = (float) start;
        if (steps <= 1) return out;
        float from = (float) start, to = (float) end;
        float step = (to - from) / (float) (steps - 1);
        int half = steps / 2, vectorized = steps / 16 * 16;
        for (int i = 0; i < steps; i++) {
            int lane = i % 8;
            if (i >= vectorized || lane == 0) {
                out[i] = i < half ? Math.fma(step, (float) i, from) : Math.fma(-step, (float) (steps - i - 1), to);
            } else {
                out[i] = (float) out[i - lane] + lane * step;
            }
        }
        return out;
    }
}
