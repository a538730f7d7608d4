package dev.jautograd.viz;

import java.util.List;

/**
 * Box sizes from text without a font renderer: labels use a monospace font, whose advance is
 * 0.6 em in every common face (DejaVu Sans Mono, Menlo, Consolas), so width is characters times
 * a constant. The constant is a little generous so a wider fallback font still fits.
 */
final class TextMetrics {
    static final double FONT_SIZE = 12;
    static final double CHAR_WIDTH = 7.4;
    static final double LINE_HEIGHT = 16;
    static final double PAD_X = 10;
    static final double PAD_Y = 7;
    private static final double MIN_WIDTH = 48;

    private TextMetrics() {}

    static double boxWidth(List<String> lines) {
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        return Math.max(MIN_WIDTH, Math.ceil(longest * CHAR_WIDTH + 2 * PAD_X));
    }

    static double boxHeight(int lineCount) {
        return Math.max(1, lineCount) * LINE_HEIGHT + 2 * PAD_Y;
    }

    /** Baseline of line {@code i} from the box top: half a line's leading above, 0.8 em ascent. */
    static double baseline(int i) {
        return PAD_Y + i * LINE_HEIGHT + (LINE_HEIGHT - FONT_SIZE) / 2 + 0.8 * FONT_SIZE;
    }
}
