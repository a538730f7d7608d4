package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A cell's consecutive plain statements run as one snippet, and the cell behaves as before. */
class StatementBatchingTest extends SessionTest {
    /** cell, then how its chunks are evaluated: the statement count of each, "1" for a lone one. */
    static Stream<Arguments> groupings() {
        return Stream.of(
                Arguments.of("int x = 1;\nx++;\nx += 2;\nx", "1 2 1"),
                Arguments.of("x++;\nint y = 2;\ny++;\nvoid f() {}\nx++;\nx--;\nclass C {}\nx++;", "1 1 1 1 2 1 1"),
                Arguments.of("x++;\nx++;\nSystem.out.println(x);", "2 1"),
                Arguments.of("x++;\nfor (int i = 0; i < 3; i++) { x++; }\nif (x > 0) x--;", "3"),
                Arguments.of("x++;\nimport java.util.*;\nx++;", "1 1 1"),
                Arguments.of("x++; // a comment\n/* another */ x++;\n\nx", "2 1"),
                Arguments.of("x++;\nvar z = 3;\nString s;\nx++;", "1 1 1 1"),
                Arguments.of("x++;\nint sq(int v) { return v * v; }\nx++;", "1 1 1"),
                Arguments.of("x++;\nx + 1;\nx++;", "1 1 1"),
                Arguments.of(IntStream.range(0, 250).mapToObj(i -> "x += " + i + ";").collect(Collectors.joining("\n")),
                        StatementBatcher.MAX_STATEMENTS + " " + StatementBatcher.MAX_STATEMENTS + " 49 1"));
    }

    @ParameterizedTest
    @MethodSource("groupings")
    void onlyPlainStatementsAreJoined(String cell, String expected) {
        var splitter = new CellSplitter(session.shell().sourceCodeAnalysis());
        var chunks = new StatementBatcher().batch(splitter.split(cell), cell);
        assertEquals(expected, chunks.stream().map(c -> c.joined() ? String.valueOf(c.parts().size()) : "1")
                .collect(Collectors.joining(" ")));
    }

    @Test
    void aThousandStatementsGiveTheirSum() {
        String cell = "int acc = 0;\n" + IntStream.range(0, 1000).mapToObj(i -> "acc += " + i + ";\n")
                .collect(Collectors.joining()) + "acc";
        var result = session.execute(cell, 1);
        assertNull(result.error());
        assertEquals("499500", result.valueText());
    }

    @Test
    void aRuntimeErrorNamesTheCellLineAndLaterStatementsDoNotRun() {
        session.execute("int done = 0;\nint[] small = new int[2];", 1);
        var error = session.execute("done += 1;\n\n// a comment line\ndone += small[5];\ndone += 100;", 4).error();
        assertEquals("ArrayIndexOutOfBoundsException", error.ename());
        assertTrue(error.traceback().contains("    at <cell> (In [4], line 4)"), () -> String.join("\n", error.traceback()));
        assertEquals("1", session.execute("done", 5).valueText());
    }

    @Test
    void aCompileErrorReadsAsForOneStatementAndTheOnesBeforeItRan() {
        session.execute("int before = 0;", 1);
        var error = session.execute("before += 1;\nbefore += 2;\nbefore += undefinedName;\nbefore += 3;", 2).error();
        assertEquals(List.of(
                "CompilationException: cannot find symbol",
                "Line 3, column 11: cannot find symbol\n  symbol:   variable undefinedName",
                "before += undefinedName;",
                "          ^"), error.traceback());
        assertEquals("3", session.execute("before", 3).valueText());
    }

    @Test
    void variablesDeclaredBetweenStatementsPersist() {
        var result = session.execute("int a1 = 1;\na1++;\na1++;\nint a2 = a1 * 10;\na2++;\na2++;", 1);
        assertNull(result.error());
        assertEquals("32", session.execute("a2", 2).valueText());
    }

    @Test
    void interruptStopsAJoinedBlock() throws Exception {
        session.execute("int spins = 0;", 1);
        System.clearProperty("jautograd.test.spinning");
        var running = CompletableFuture.supplyAsync(() -> session.execute(
                "spins = 1;\nSystem.setProperty(\"jautograd.test.spinning\", \"yes\");\nwhile (true) { spins = 2; }", 2));
        while (System.getProperty("jautograd.test.spinning") == null) {
            Thread.sleep(10);
        }
        session.interrupt();
        assertEquals("Interrupted", running.get(10, TimeUnit.SECONDS).error().ename());
        // The loop's store may never reach memory (the JIT may keep it in a register): 1 or 2.
        assertTrue(List.of("1", "2").contains(session.execute("spins", 3).valueText()));
    }
}
