package dev.jautograd.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, in
 * fixed notation unless its exponent is below -4 or above 15 ({@code 1e-05}, {@code 1e+16},
 * {@code 0.0001}, {@code 6.0}, {@code inf}, {@code nan}). Java's {@code Double.toString} says
 * {@code 1.0E-5} and {@code Infinity}, and on JDK 17 is not always the shortest.
 */
public final class PythonFloat {
    private PythonFloat() {}

    public static String repr(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        String sign = x < 0 || (x == 0 && 1 / x < 0) ? "-" : "";
        if (x == 0) return sign + "0.0";
        BigDecimal shortest = shortest(x).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int point = digits.length() - shortest.scale(); // x = 0.digits * 10^point, as CPython's decpt
        if (point > -4 && point <= 16) return sign + fixed(digits, point);
        int exponent = point - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    /** The fewest significant digits (the closest such decimal) that round-trip, as CPython's repr. */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == x) return rounded;
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static String fixed(String digits, int point) {
        if (point <= 0) return "0." + "0".repeat(-point) + digits;
        if (point >= digits.length()) return digits + "0".repeat(point - digits.length()) + ".0";
        return digits.substring(0, point) + "." + digits.substring(point);
    }
}
