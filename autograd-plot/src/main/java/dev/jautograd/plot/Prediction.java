package dev.jautograd.plot;

import dev.jautograd.Tensor;
import java.awt.Color;

/** Turns a classifier's outputs for grid points into region colours: the class, and how sure. */
final class Prediction {
    /** Confidence is drawn in this many steps, which shows as contour bands of equal probability. */
    private static final int LEVELS = 6;

    interface Sink {
        void put(int index, Color colour);
    }

    private Prediction() {
    }

    static void colour(Tensor out, int n, Sink sink) {
        double[] v = out.detach().toDoubleArray();
        int classes = v.length / n;
        if (classes * n != v.length) {
            throw new IllegalArgumentException("the model gave " + v.length + " numbers for " + n + " points");
        }
        if (classes == 1) {
            boolean probabilities = java.util.Arrays.stream(v).allMatch(x -> x >= 0 && x <= 1);
            for (int i = 0; i < n; i++) {
                double p = probabilities ? v[i] : 1 / (1 + Math.exp(-v[i])); // a logit of class 1
                sink.put(i, region(p >= 0.5 ? 1 : 0, Math.abs(p - 0.5) * 2));
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            sink.put(i, multiClass(v, i * classes, classes));
        }
    }

    /** The arg-max class; sureness is its softmax probability above chance. */
    private static Color multiClass(double[] v, int from, int classes) {
        int best = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            if (v[from + k] > max) {
                max = v[from + k];
                best = k;
            }
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp(v[from + k] - max);
        }
        double p = 1 / sum;
        double chance = 1.0 / classes;
        return region(best, (p - chance) / (1 - chance));
    }

    private static Color region(int cls, double sureness) {
        double level = Math.min(LEVELS - 1, Math.floor(Math.max(0, sureness) * LEVELS)) / (LEVELS - 1);
        return Colors.region(cls, level);
    }
}
