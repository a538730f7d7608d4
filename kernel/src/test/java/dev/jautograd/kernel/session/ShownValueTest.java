package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.jshell.Snippet.Status;
import jdk.jshell.VarSnippet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cell's value through {@link ShownValue} (a variable read, or {@code Object $N = E;}) shows
 * what JShell's own evaluation of the expression showed: each case was checked against the
 * build before it, in a session where the same cells ran.
 */
class ShownValueTest extends SessionTest {
    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("1+1", "2"),
                Arguments.of("\"abc\"", "\"abc\""),
                Arguments.of("'c'", "'c'"),
                Arguments.of("0.1f + 0.2f", "0.3"),
                Arguments.of("shownX", "5"),
                Arguments.of("shownX;", "5"),
                Arguments.of("shownX + 1  // a comment", "6"),
                Arguments.of("(shownX +\n 2) * 3", "21"),
                Arguments.of("new int[]{1, 2}", "int[2] { 1, 2 }"),
                Arguments.of("java.util.List.of(1, 2)", "[1, 2]"),
                Arguments.of("null", "null"),
                Arguments.of("tensor(new double[]{1., 2.}).mul(2)", "tensor([2., 4.])"),
                Arguments.of("true ? 1 : 2.0", "1.0"),
                Arguments.of("shownSq(4)", "16"));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void showsWhatJShellShowed(String cell, String text) {
        define();
        var result = session.execute(cell, 1);
        assertNull(result.error(), () -> "unexpected error: " + result.error());
        assertTrue(result.hasValue());
        assertEquals(text, result.valueText());
    }

    @Test
    void assignmentsAndVoidCallsShowNothing() {
        define();
        for (String cell : new String[] {"shownX = 7", "System.out.print(\"\")", "print(shownX)", "Thread.sleep(1)"}) {
            var result = session.execute(cell, 1);
            assertNull(result.error(), () -> cell + ": " + result.error());
            assertFalse(result.hasValue(), cell);
        }
    }

    @Test
    void errorsReadAsBefore() {
        var thrown = session.execute("int zero = 0;\n1 / zero", 1);
        assertEquals("ArithmeticException", thrown.error().ename());
        assertTrue(thrown.error().traceback().stream().anyMatch(line -> line.contains("line 2")), thrown.error().traceback()::toString);
        var missing = session.execute("noSuchName + 1", 2);
        assertEquals("CompilationException", missing.error().ename());
        assertTrue(missing.error().traceback().contains("Line 1, column 1: cannot find symbol\n  symbol:   variable noSuchName"),
                missing.error().traceback()::toString);
    }

    /** The declared {@code $N}, like JShell's temporaries, is dropped with its cell. */
    @Test
    void noTemporaryOutlivesItsCell() {
        var cell = session.execute("40 + 2", 1);
        assertNull(cell.error(), () -> "unexpected error: " + cell.error());
        var shell = session.shell();
        assertTrue(shell.variables().filter(v -> shell.status(v) == Status.VALID).map(VarSnippet::name)
                .noneMatch(name -> name.startsWith("$")), "no $N variable outlives its cell");
    }

    private static void define() {
        var result = session.execute("int shownX = 5;\nint shownSq(int v) { return v * v; }", 1);
        assertNull(result.error(), () -> "unexpected error: " + result.error());
    }
}
