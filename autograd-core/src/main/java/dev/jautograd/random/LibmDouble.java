package dev.jautograd.random;

/**
 * The double-precision log, sin and cos that PyTorch's kernels take from glibc.
 *
 * <p>glibc's versions are not correctly rounded (against 200-bit mpmath, about 0.08% of
 * log and 0.15% of sin/cos results on the ranges used here are off by one ulp), so no
 * independent implementation can match them bit for bit. HotSpot's {@link Math}
 * intrinsics agree with glibc about as often (measured on 10^6 samples: log 99.92%,
 * sin/cos 99.8%), whereas {@link StrictMath}'s fdlibm agrees far less (log 92.7%,
 * sin/cos 96.7%). Float32 results are unaffected: the serial path narrows these doubles
 * to float, and the float normal_fill path uses its own polynomials ({@link AvxMathFun}).
 */
final class LibmDouble {
    private LibmDouble() {
    }

    static double log(double x) {
        return Math.log(x);
    }

    static double sin(double x) {
        return Math.sin(x);
    }

    static double cos(double x) {
        return Math.cos(x);
    }
}
