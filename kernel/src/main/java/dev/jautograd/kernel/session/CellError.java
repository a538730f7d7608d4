package dev.jautograd.kernel.session;

import java.util.List;

/**
 * A failed cell as Jupyter shows it: {@code ename}, {@code evalue} and the traceback lines.
 *
 * @param ename     exception class simple name, {@code CompilationException}, or {@code Interrupted}
 * @param evalue    the exception message (never null: Jupyter front ends print it verbatim)
 * @param traceback plain text lines; the kernel colours them for Jupyter as it sends them (TracebackColours)
 */
public record CellError(String ename, String evalue, List<String> traceback) {
    public CellError {
        evalue = evalue == null ? "" : evalue;
        traceback = List.copyOf(traceback);
    }

    /**
     * A failure of the kernel's own work for a cell (compiling it, showing its value) rather than
     * of the cell's code: named like any error, with where it happened as the traceback's second line.
     */
    public static CellError of(Throwable failure, String where) {
        String ename = failure.getClass().getSimpleName();
        String message = String.valueOf(failure.getMessage());
        return new CellError(ename, message, List.of(ename + ": " + message, where));
    }
}
