package dev.jautograd.kernel;

import java.util.StringJoiner;

/**
 * Python's {@code print(a, b)} for cells, imported statically at startup: the values' text
 * joined by spaces, then a newline, on the cell's standard output ({@code print(x.grad())}
 * prints {@code None} for a missing gradient, as Python does).
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
        return String.valueOf(value);
    }
}
