package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Threads a cell starts, and failures JShell's engine used to hide, without Jupyter. */
class CellThreadsTest extends SessionTest {
    /** What the cell wrote on System.err, and its result. */
    private static String stderrOf(String cell) {
        var captured = new ByteArrayOutputStream();
        var original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            var result = session.execute(cell, 1);
            assertFalse(result.failed(), () -> result.error().toString());
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUncaughtExceptionInABackgroundThreadIsPrintedAsTheJvmPrintsIt() {
        String err = stderrOf("var t = new Thread(() -> { throw new IllegalStateException(\"bg\"); }, \"bg-thread\");\n"
                + "t.start(); t.join();");
        assertTrue(err.startsWith("Exception in thread \"bg-thread\" java.lang.IllegalStateException: bg\n\tat "), err);
    }

    @Test
    void aDefaultHandlerTheNotebookSetRunsInLaterStatements() {
        session.execute("var seen = new java.util.concurrent.atomic.AtomicReference<String>();\n"
                + "Thread.setDefaultUncaughtExceptionHandler((t, e) -> seen.set(e.getMessage()));", 1);
        try {
            String err = stderrOf("var u = new Thread(() -> { throw new RuntimeException(\"handled\"); }); u.start(); u.join();");
            assertEquals("", err);
            assertEquals("\"handled\"", session.execute("seen.get()", 2).valueText());
        } finally {
            session.execute("Thread.setDefaultUncaughtExceptionHandler(null);", 3);
        }
    }

    @Test
    void aPoolMadeInOneStatementRunsTasksInTheNext() {
        session.execute("var pool = Executors.newFixedThreadPool(2);", 1);
        assertEquals("42", session.execute("pool.submit(() -> 6 * 7).get()", 2).valueText());
        assertEquals("2", session.execute("pool.submit(() -> 1 + 1).get()", 3).valueText());
        session.execute("pool.shutdown();", 4);
    }

    @Test
    void aToStringThatThrowsFailsTheCell() {
        var result = session.execute("new Object() { public String toString() { throw new IllegalStateException(\"boom\"); } }", 1);
        assertTrue(result.failed());
        assertEquals("IllegalStateException", result.error().ename());
        assertEquals("boom", result.error().evalue());
    }

    @Test
    void aThreadDeathTheCellThrowsIsItsErrorNotAnInterrupt() {
        var result = session.execute("throw new ThreadDeath();", 1);
        assertTrue(result.failed());
        assertEquals("ThreadDeath", result.error().ename());
        assertEquals("3", session.execute("1 + 2", 2).valueText());
    }
}
