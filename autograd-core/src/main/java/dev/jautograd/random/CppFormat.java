package dev.jautograd.random;

import java.math.BigDecimal;
import java.math.MathContext;

/** Doubles as C++ {@code operator<<} prints them in TORCH_CHECK messages: %g with 6 significant digits. */
final class CppFormat {
    private static final int PRECISION = 6;

    private CppFormat() {
    }

    static String of(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        var rounded = new BigDecimal(value).round(new MathContext(PRECISION));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= PRECISION) {
            var mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            var sign = exponent < 0 ? "-" : "+";
            var digits = String.valueOf(Math.abs(exponent));
            return mantissa + "e" + sign + (digits.length() < 2 ? "0" + digits : digits);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
