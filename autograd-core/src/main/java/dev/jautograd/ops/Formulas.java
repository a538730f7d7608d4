package dev.jautograd.ops;

/**
 * Pieces of the derivative formulas nodes show ({@link dev.jautograd.autograd.Node#derivativeFormula}):
 * numbers as Python prints them and powers with superscripts, so {@code a.pow(3)} reads
 * {@code grad · 3·self²}.
 */
final class Formulas {
    private Formulas() {}

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** d(selfⁿ) = n·selfⁿ⁻¹ applied to grad, with n substituted; PyTorch gives zeros for n = 0. */
    static String power(double n) {
        if (n == 0) return "0";
        if (n == 1) return "grad";
        return "grad · " + number(n) + "·self" + exponent(n - 1);
    }

    /** {@code ""} for 1, superscript digits for an integer ({@code ²}, {@code ⁻¹}), else {@code ^(0.5)}. */
    static String exponent(double k) {
        if (k == 1) return "";
        if (k != Math.rint(k) || Math.abs(k) > 1e9) return "^(" + number(k) + ")";
        var out = new StringBuilder(k < 0 ? "⁻" : "");
        for (char c : Long.toString(Math.abs((long) k)).toCharArray()) out.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        return out.toString();
    }

    /** A scalar as Python writes it: {@code 3} for an integral value, {@code 0.5} otherwise. */
    static String number(double value) {
        return TensorPow.formatNumber(value);
    }

    /** grad spread back over a reduced input, e.g. {@code grad expanded to [2, 3]}. */
    static String expanded(String grad, int[] shape) {
        return grad + " expanded to " + java.util.Arrays.toString(shape);
    }
}
