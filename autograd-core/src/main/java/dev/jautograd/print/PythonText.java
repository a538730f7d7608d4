package dev.jautograd.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's text for numbers and tuples, as {@code torch/_tensor_str.py} produces it.
 *
 * <p>Python rounds the exact binary value of a double, ties to even ({@code '{:.4f}'.format(1.23445)} is
 * {@code 1.2345} because the double is slightly above the tie). {@code String.format} instead rounds the
 * shortest decimal that identifies the double, half-up, so it disagrees on such values; here the exact
 * value goes through {@link BigDecimal}.
 */
final class PythonText {

    private PythonText() {
    }

    /** {@code '{:.Nf}'.format(x)}. */
    static String fixed(double x, int precision) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        var digits = new BigDecimal(Math.abs(x)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return sign(x) + digits;
    }

    /** {@code '{:.Ne}'.format(x)}: N digits after the point, exponent signed and at least two digits. */
    static String scientific(double x, int precision) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        int significant = precision + 1;
        String digits;
        int exponent;
        if (x == 0) {
            digits = "0".repeat(significant);
            exponent = 0;
        } else {
            var rounded = new BigDecimal(Math.abs(x)).round(new MathContext(significant, RoundingMode.HALF_EVEN));
            var unscaled = rounded.unscaledValue().toString();
            // value = unscaled * 10^-scale, so the leading digit sits at 10^(length - 1 - scale)
            exponent = unscaled.length() - 1 - rounded.scale();
            digits = unscaled + "0".repeat(significant - unscaled.length());
        }
        var mantissa = precision == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
        var exponentDigits = String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent)); // ASCII digits under any default locale
        return sign(x) + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentDigits;
    }

    /** Python's {@code str(tuple(shape))}: {@code (0, 3)}, and {@code (0,)} for one element. */
    static String tuple(int[] shape) {
        var text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Python prints NaN without a sign even when its sign bit is set. */
    private static String nonFinite(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        return x > 0 ? "inf" : "-inf";
    }

    /** The sign bit, not {@code x < 0}: Python prints -0.0 as {@code -0.0000}, as it does values that round to zero. */
    private static String sign(double x) {
        return Double.doubleToRawLongBits(x) < 0 ? "-" : "";
    }
}
