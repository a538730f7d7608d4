package dev.jautograd.random;

/** The double-precision log, sin and cos that PyTorch's kernels get from glibc. */
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
