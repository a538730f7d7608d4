package dev.jautograd.nn;

import java.math.BigDecimal;

/** Python's {@code str(float)} and {@code str(bool)}, for module reprs such as {@code Dropout(p=1e-05, ...)}. */
public final class PyRepr {
    private PyRepr() {}

    public static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** The shortest digits that round-trip, positional for exponents in [-4, 16), else {@code 1e-05} style. */
    public static String number(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return (1 / x < 0) ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = x < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = d.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
