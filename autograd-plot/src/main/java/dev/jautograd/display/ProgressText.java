package dev.jautograd.display;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;

/** A progress bar drawn as tqdm draws it: {@code loss:  45%|█████████    | 90/200 [00:01<00:01, 85.30it/s, loss=0.413]}. */
final class ProgressText {
    private static final int BAR_WIDTH = 20;
    private static final String EIGHTHS = " ▏▎▍▌▋▊▉";

    private ProgressText() {
    }

    static String line(String desc, long n, long total, long elapsedNanos, Map<String, String> postfix) {
        String label = desc.isEmpty() ? "" : desc + ": ";
        String stats = stats(n, total, elapsedNanos, postfix);
        if (total <= 0) {
            return label + n + "it " + stats;
        }
        return label + percent(n, total) + "|" + bar(n, total) + "| " + n + "/" + total + " " + stats;
    }

    /** The same in HTML: a native progress element, then the counts; plain text where it is not shown. */
    static String html(String desc, long n, long total, long elapsedNanos, Map<String, String> postfix) {
        String label = desc.isEmpty() ? "" : escape(desc) + ": ";
        String stats = escape(stats(n, total, elapsedNanos, postfix));
        String style = "font-family:monospace;white-space:pre";
        if (total <= 0) {
            return "<div style=\"" + style + "\">" + label + n + "it " + stats + "</div>";
        }
        return "<div style=\"" + style + "\">" + label + percent(n, total)
                + " <progress value=\"" + Math.min(n, total) + "\" max=\"" + total + "\" style=\"width:40%;vertical-align:middle\"></progress> "
                + n + "/" + total + " " + stats + "</div>";
    }

    /** {@code [elapsed<remaining, rate, postfix]}. */
    private static String stats(long n, long total, long elapsedNanos, Map<String, String> postfix) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 && n > 0 ? n / seconds : Double.NaN;
        var sb = new StringBuilder("[").append(clock(seconds));
        if (total > 0) {
            sb.append('<').append(Double.isNaN(rate) ? "?" : clock(Math.max(0, total - n) / rate));
        }
        sb.append(", ").append(rate(rate));
        postfix.forEach((k, v) -> sb.append(", ").append(k).append('=').append(v));
        return sb.append(']').toString();
    }

    private static String percent(long n, long total) {
        return String.format(Locale.ROOT, "%3d%%", (int) (100.0 * n / total));
    }

    /** Whole blocks, then one of eight partial blocks, as tqdm's Unicode bar. */
    private static String bar(long n, long total) {
        double filled = Math.min(1.0, (double) n / total) * BAR_WIDTH;
        int whole = (int) filled;
        var sb = new StringBuilder("█".repeat(whole));
        if (whole < BAR_WIDTH) {
            int eighths = (int) ((filled - whole) * 8);
            sb.append(EIGHTHS.charAt(eighths)).append(" ".repeat(BAR_WIDTH - whole - 1));
        }
        return sb.toString();
    }

    private static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "?it/s";
        }
        return perSecond >= 1 || perSecond == 0
                ? String.format(Locale.ROOT, "%.2fit/s", perSecond)
                : String.format(Locale.ROOT, "%.2fs/it", 1 / perSecond);
    }

    private static String clock(double seconds) {
        long s = (long) seconds;
        long h = s / 3600;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** tqdm's format_num: three significant digits as Python's {@code '{:.3g}'}, unless the plain number is shorter. */
    static String number(Number n) {
        if (n instanceof Integer || n instanceof Long) {
            return n.toString();
        }
        double v = n.doubleValue();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        String g = pythonG3(v);
        String plain = pythonStr(v);
        return g.length() < plain.length() ? g : plain;
    }

    /** Python's {@code '%.3g'}: scientific when the exponent is below -4 or at least 3; no trailing zeros. */
    private static String pythonG3(double v) {
        if (v == 0) {
            return "0";
        }
        var rounded = new BigDecimal(v).round(new MathContext(3));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 3) {
            var mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent); // tqdm drops the 0 of e-05
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** Python's str(float) for the usual range: shortest digits, plain notation, {@code 12.0} keeps its point. */
    private static String pythonStr(double v) {
        String plain = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
