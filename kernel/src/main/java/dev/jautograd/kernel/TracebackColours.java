package dev.jautograd.kernel;

import dev.jautograd.kernel.session.CellError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours a cell's error as ipykernel does: the exception name red, where in the cell green,
 * the method cyan. Only the basic ANSI colours, which every Jupyter theme (light or dark) and
 * nbconvert's HTML map to readable colours of their own; never bold black, which vanishes on a
 * dark theme. The error's text is the session's ({@code ErrorFormatter}); this adds styles only,
 * so {@code ename} and {@code evalue} stay plain.
 */
final class TracebackColours {
    static final String RED = "\u001b[0;31m";
    static final String GREEN = "\u001b[0;32m";
    static final String CYAN = "\u001b[0;36m";
    static final String RESET = "\u001b[0m";

    /** A frame of a cell: {@code     at div (In [4], line 1)}. */
    private static final Pattern CELL_FRAME =
            Pattern.compile("^(    at )(\\S+) \\((In \\[\\d+\\], line \\d+|snippet #\\S+, line \\d+)\\)$");
    private static final Pattern CAUSE = Pattern.compile("^(Caused by: )([\\w$.]+)(:.*)$", Pattern.DOTALL);
    private static final Pattern COMPILE_PLACE = Pattern.compile("^(Line \\d+, column \\d+)(:.*)$", Pattern.DOTALL);
    private static final Pattern CARET = Pattern.compile("^ *\\^$");
    private static final Pattern JAVA_HINT = Pattern.compile("(?m)^In Java: ");

    private TracebackColours() {
    }

    static List<String> of(CellError error) {
        var lines = error.traceback();
        var coloured = new ArrayList<String>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String styled = i == 0 && line.startsWith(error.ename() + ":")
                    ? RED + error.ename() + RESET + line.substring(error.ename().length()) : styled(line);
            coloured.add(JAVA_HINT.matcher(styled).replaceAll(Matcher.quoteReplacement(CYAN + "In Java:" + RESET + " ")));
        }
        return coloured;
    }

    private static String styled(String line) {
        Matcher m = CELL_FRAME.matcher(line);
        if (m.matches()) {
            return m.group(1) + CYAN + m.group(2) + RESET + " (" + GREEN + m.group(3) + RESET + ")";
        }
        m = CAUSE.matcher(line);
        if (m.matches()) {
            return m.group(1) + RED + m.group(2) + RESET + m.group(3);
        }
        m = COMPILE_PLACE.matcher(line);
        if (m.matches()) {
            return GREEN + m.group(1) + RESET + m.group(2);
        }
        return CARET.matcher(line).matches() ? line.replace("^", RED + "^" + RESET) : line;
    }
}
