package dev.jautograd.print;

import java.util.Arrays;

/**
 * PyTorch's {@code _Formatter}: one notation and one column width for every element of a tensor, chosen
 * from the elements that will be shown (the edges only, when the tensor is summarised).
 */
final class ElementFormatter {

    private final TensorData data;
    private final int precision;
    private final boolean intMode;
    private final boolean sciMode;
    private final int width;

    private ElementFormatter(TensorData data, int precision, boolean intMode, boolean sciMode, int width) {
        this.data = data;
        this.precision = precision;
        this.intMode = intMode;
        this.sciMode = sciMode;
        this.width = width;
    }

    /** Chooses notation and width from the elements at {@code shownIndices} (row-major positions). */
    static ElementFormatter choose(TensorData data, int[] shownIndices, PrintOptions options) {
        int precision = options.precision();
        if (!data.dtype().isFloatingPoint()) {
            int width = 1;
            for (int index : shownIndices) {
                width = Math.max(width, integral(data, index).length());
            }
            return new ElementFormatter(data, precision, true, false, width);
        }
        var nonzeroFinite = nonzeroFinite(data.floats(), shownIndices);
        if (nonzeroFinite.length == 0) {
            // PyTorch returns early here, before applying a forced sci_mode: all-zero tensors print "0."
            return new ElementFormatter(data, precision, true, false, 1);
        }
        boolean intMode = allIntegers(nonzeroFinite);
        boolean sciMode = needsScientific(nonzeroFinite, intMode);
        int width = 1;
        for (double value : nonzeroFinite) {
            int length = sciMode ? PythonText.scientific(value, precision).length()
                    : intMode ? PythonText.fixed(value, 0).length() + 1  // room for the trailing "."
                    : PythonText.fixed(value, precision).length();
            width = Math.max(width, length);
        }
        // A forced mode changes the notation but not the width measured above, as in PyTorch.
        return new ElementFormatter(data, precision, intMode, options.sciMode().orElse(sciMode), width);
    }

    int width() {
        return width;
    }

    /** The element at a row-major position, right-aligned to the common width. */
    String format(int index) {
        String text;
        if (!data.dtype().isFloatingPoint()) {
            text = integral(data, index);
        } else {
            double value = data.floats()[index];
            if (sciMode) {
                text = PythonText.scientific(value, precision);
            } else if (intMode) {
                // int_mode marks float tensors with a trailing "."; nan and inf already look like floats
                text = PythonText.fixed(value, 0) + (Double.isFinite(value) ? "." : "");
            } else {
                text = PythonText.fixed(value, precision);
            }
        }
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String integral(TensorData data, int index) {
        long value = data.longs()[index];
        return switch (data.dtype()) {
            case BOOL -> value != 0 ? "True" : "False";
            default -> Long.toString(value);
        };
    }

    private static double[] nonzeroFinite(double[] floats, int[] indices) {
        return Arrays.stream(indices)
                .mapToDouble(i -> floats[i])
                .filter(v -> Double.isFinite(v) && v != 0)
                .toArray();
    }

    private static boolean allIntegers(double[] values) {
        for (double value : values) {
            if (value != Math.ceil(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * PyTorch switches to scientific notation when the magnitudes span more than three decades or pass
     * 1e8, and, unless every value is an integer, when some magnitude is below 1e-4.
     */
    private static boolean needsScientific(double[] nonzeroFinite, boolean intMode) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double value : nonzeroFinite) {
            min = Math.min(min, Math.abs(value));
            max = Math.max(max, Math.abs(value));
        }
        return max / min > 1000.0 || max > 1.0e8 || (!intMode && min < 1.0e-4);
    }
}
