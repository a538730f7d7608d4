package dev.jautograd.kernel.session;

import dev.jautograd.autograd.JavaHints;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns JShell's failures into Jupyter errors whose line numbers count from the top of the cell:
 * the message, the Java form of the Python keyword a PyTorch message names, the cell's frames,
 * and how many library frames were left out. Plain text: the kernel colours it for Jupyter
 * ({@code dev.jautograd.kernel.TracebackColours}).
 */
final class ErrorFormatter {
    /** Where a snippet's first token sits: cell number and line, so stack frames can be mapped. */
    private record Origin(int executionCount, int firstLine) { }

    /** A notebook variable as javac names it: a static field of JShell's wrapper class. */
    private static final Pattern WRAPPER_FIELD = Pattern.compile("REPL\\.\\$JShell\\$\\w*?\\.(\\w+)");

    private final JShell shell;
    /** Bounded: a session of many thousand cells keeps the origins of its recent snippets. */
    private static final int MAX_ORIGINS = 10_000;

    private final Map<String, Origin> origins = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Origin> eldest) {
            return size() > MAX_ORIGINS;
        }
    });

    private final Definitions definitions;

    ErrorFormatter(JShell shell, Definitions definitions) {
        this.shell = shell;
        this.definitions = definitions;
    }

    static CellError interrupted() {
        return new CellError("Interrupted", "the cell was interrupted (Kernel > Interrupt)",
                List.of("Interrupted: the cell was interrupted (Kernel > Interrupt)"));
    }

    void remember(Snippet snippet, int executionCount, String cell, int offset) {
        origins.remove(snippet.id()); // a redefined declaration counts as new, so it is evicted last
        origins.put(snippet.id(), new Origin(executionCount, lineOf(cell, offset)));
    }

    /** The error an event stands for, or null if the snippet compiled and ran. */
    CellError failure(SnippetEvent event, String cell, int offset) {
        if (event.exception() != null) {
            return runtime(event.exception());
        }
        if (event.status() == Snippet.Status.REJECTED || undefinable(event.snippet(), event.status())) {
            return compile(event.snippet(), cell, offset);
        }
        return null;
    }

    /**
     * Compiled but not defined, and waiting for nothing: the class file could not be written
     * (a string constant or a method too large), which JShell reports only as a status.
     */
    private boolean undefinable(Snippet snippet, Snippet.Status status) {
        if (status != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return false;
        }
        boolean waiting = snippet instanceof DeclarationSnippet declaration
                && shell.unresolvedDependencies(declaration).findAny().isPresent();
        return !waiting;
    }

    private CellError compile(Snippet snippet, String cell, int offset) {
        var lines = new ArrayList<String>();
        String first = null;
        for (Diag diag : shell.diagnostics(snippet).filter(Diag::isError).toList()) {
            String message = withoutWrapperLocation(diag.getMessage(Locale.ROOT));
            first = first == null ? message : first;
            pointAt(lines, message, cell, offset + (int) Math.max(0, diag.getPosition()));
        }
        if (first == null) {
            first = "the snippet was rejected";
            lines.add(first);
        }
        return compilationError(first, lines);
    }

    /** A compile error the kernel finds itself, at {@code at} in the cell (as javac words it). */
    static CellError compile(String message, String cell, int at) {
        var lines = new ArrayList<String>();
        pointAt(lines, message, cell, at);
        return compilationError(message, lines);
    }

    private static CellError compilationError(String first, List<String> lines) {
        lines.add(0, "CompilationException: " + first.lines().findFirst().orElse(first));
        return new CellError("CompilationException", first, lines);
    }

    /** "Line L, column C: message", the cell's line, and a caret under the column. */
    private static void pointAt(List<String> lines, String message, String cell, int at) {
        int line = lineOf(cell, Math.min(at, cell.length()));
        int column = at - lineStart(cell, Math.min(at, cell.length())) + 1;
        lines.add("Line " + line + ", column " + column + ": " + message);
        lines.add(lineText(cell, line));
        lines.add(" ".repeat(Math.max(0, column - 1)) + "^");
    }

    /**
     * javac names where a symbol was missing: for cell code that is JShell's wrapper class, which
     * it prints blank ({@code location: class }). The line says nothing to a student: drop it.
     */
    static String withoutWrapperLocation(String message) {
        return message.lines()
                .filter(line -> !line.matches("\\s*location: class\\s*(REPL\\.\\$JShell\\$\\w*)?\\s*"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    CellError runtime(Throwable exception) {
        String ename = exceptionName(exception);
        String message = exception instanceof UnresolvedReferenceException unresolved
                ? definitions.unresolvedMessage(unresolved.getSnippet()) : cellNames(nullToEmpty(exception.getMessage()));
        var lines = new ArrayList<String>();
        lines.add(ename + ": " + message);
        String hint = JavaHints.forMessage(message);
        if (hint != null) {
            lines.add(JavaHints.MARK.substring(1) + hint);
        }
        lines.addAll(frames(exception.getStackTrace()));
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            lines.add("Caused by: " + exceptionName(cause) + ": " + cellNames(nullToEmpty(cause.getMessage())));
        }
        return new CellError(ename, message, lines);
    }

    /**
     * The cell's frames, then one line counting the others: a student reads where in the cell it
     * failed, not the library's (or JShell's) calls. With no frame of a cell, every frame shows.
     */
    private List<String> frames(StackTraceElement[] stack) {
        var shown = new ArrayList<String>();
        int cellFrames = 0;
        int repeats = 0;
        for (var frame : stack) {
            if (isCellFrame(frame)) {
                cellFrames++;
                String line = "    at " + describe(frame);
                // Unbounded recursion: a thousand equal lines say less than one and a count (as ipykernel).
                boolean same = !shown.isEmpty() && shown.get(shown.size() - 1).equals(line);
                repeats = same ? repeats + 1 : flushRepeats(shown, repeats);
                if (!same) {
                    shown.add(line);
                }
            }
        }
        flushRepeats(shown, repeats);
        if (shown.isEmpty()) {
            for (var frame : stack) {
                shown.add("    at " + frame);
            }
        } else if (cellFrames < stack.length) {
            int hidden = stack.length - cellFrames;
            shown.add("    ... " + hidden + (hidden == 1 ? " library frame" : " library frames") + " hidden");
        }
        return shown;
    }

    /** Notes how often the last line repeated, if it did; returns the new count, 0. */
    private static int flushRepeats(List<String> shown, int repeats) {
        if (repeats > 0) {
            shown.add("    ... the frame above " + repeats + (repeats == 1 ? " more time" : " more times"));
        }
        return 0;
    }

    private static boolean isCellFrame(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#");
    }

    /**
     * A notebook variable lives in a static field of JShell's wrapper class, so a helpful
     * NullPointerException says {@code "REPL.$JShell$39.o" is null}: name the variable, as the cell does.
     */
    static String cellNames(String message) {
        return WRAPPER_FIELD.matcher(message).replaceAll("$1");
    }

    private static String exceptionName(Throwable t) {
        if (t instanceof EvalException eval) {
            String full = eval.getExceptionClassName();
            return full.substring(full.lastIndexOf('.') + 1);
        }
        if (t instanceof UnresolvedReferenceException) {
            return "UnresolvedReferenceException";
        }
        return t.getClass().getSimpleName();
    }

    /** Snippet frames are named {@code #id} with lines counted from the snippet's first token. */
    private String describe(StackTraceElement frame) {
        String file = frame.getFileName();
        String method = methodName(frame.getMethodName()) + " ";
        var origin = origins.get(file.substring(1));
        if (origin == null) {
            return method + "(snippet " + file + ", line " + frame.getLineNumber() + ")";
        }
        int line = origin.firstLine() + frame.getLineNumber() - 1;
        return method + "(In [" + origin.executionCount() + "], line " + line + ")";
    }

    /** The cell's own top-level code runs in a method JShell leaves unnamed; javac names lambdas lambda$m$0. */
    private static String methodName(String method) {
        if (method.isEmpty()) {
            return "<cell>";
        }
        return method.startsWith("lambda$") ? "<lambda>" : method;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    private static String lineText(String text, int line) {
        return text.lines().skip(line - 1).findFirst().orElse("");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
