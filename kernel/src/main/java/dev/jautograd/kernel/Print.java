package dev.jautograd.kernel;

import dev.jautograd.print.PythonFloat;
import java.util.StringJoiner;

/**
 * Python's {@code print(a, b)} for cells, imported statically at startup: the values' text
 * joined by spaces, then a newline, on the cell's standard output ({@code print(x.grad())}
 * prints {@code None} for a missing gradient, as Python does). A {@code double} prints as Python's
 * float repr; an int64 value read with {@code itemLong()} prints as Python's int ({@code 6}).
 */
public final class Print {
    private Print() {
    }

    public static void print(Object... values) {
        var line = new StringJoiner(" ");
        for (Object value : values) line.add(text(value));
        System.out.println(line);
    }

    /** One value, so {@code print(x)} of an array argument is not spread into several values. */
    public static void print(Object value) {
        System.out.println(text(value));
    }

    private static String text(Object value) {
        if (value == null) return "None";
        if (value instanceof Boolean b) return b ? "True" : "False";
        // A Python float: print(loss.item()) writes 1e-05 and inf, not Java's 1.0E-5 and Infinity.
        if (value instanceof Double d) return PythonFloat.repr(d);
        return String.valueOf(value);
    }
}
