package dev.jautograd.plot;

import java.awt.Color;

/** Matplotlib's colours, so a plot here looks like the one in the PyTorch notebook beside it. */
final class Colors {
    /** The "tab10" cycle, matplotlib's default series colours. */
    private static final int[] TAB10 = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
        0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    /** Viridis at nine stops, interpolated between: perceptually even, readable in grey. */
    private static final int[] VIRIDIS = {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c,
        0x28ae80, 0x5ec962, 0xaddc30, 0xfde725};

    private Colors() {
    }

    static Color series(int i) {
        return new Color(TAB10[Math.floorMod(i, TAB10.length)]);
    }

    /** The colour of {@code t} in [0, 1] on viridis. */
    static Color viridis(double t) {
        return ramp(VIRIDIS, t);
    }

    /** A class colour washed towards white, for the regions behind the points of that class. */
    static Color region(int cls, double strength) {
        Color c = series(cls);
        double keep = 0.25 + 0.35 * strength;
        return new Color(mix(c.getRed(), keep), mix(c.getGreen(), keep), mix(c.getBlue(), keep));
    }

    private static int mix(int channel, double keep) {
        return (int) Math.round(255 - (255 - channel) * keep);
    }

    private static Color ramp(int[] stops, double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (stops.length - 1);
        int i = Math.min((int) x, stops.length - 2);
        double f = x - i;
        Color a = new Color(stops[i]);
        Color b = new Color(stops[i + 1]);
        return new Color(lerp(a.getRed(), b.getRed(), f), lerp(a.getGreen(), b.getGreen(), f), lerp(a.getBlue(), b.getBlue(), f));
    }

    private static int lerp(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
