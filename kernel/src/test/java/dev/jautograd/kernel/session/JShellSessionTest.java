package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JShellSessionTest extends SessionTest {
    /** cell, then the text of its final expression's value, or null when it shows nothing. */
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("1 + 1", "2"),
                Arguments.of("var answer = 42;", null),
                Arguments.of("var p = 6;\nvar q = 7;\np * q", "42"),
                Arguments.of("int sq(int v) {\n  return v * v;\n}\nsq(9)", "81"),
                Arguments.of("\"quoted\"", "\"quoted\""),
                Arguments.of("'c'", "'c'"),
                Arguments.of("Object nothing = null;\nnothing", "null"),
                Arguments.of("var r = 1;\nr = 5", null),
                Arguments.of("// only a comment", null),
                Arguments.of("List.of(1, 2)", "[1, 2]"),
                Arguments.of("var z = 3;\n/* note */ z", "3"),
                Arguments.of("void noop() {}\nnoop();", null),
                Arguments.of("Torch.tensor(new double[]{5.}, requiresGrad())", "tensor([5.], requires_grad=True)"),
                // Reflection goes through the exit guard; anything but an exit passes unchanged.
                Arguments.of("String.class.getMethod(\"length\").invoke(\"abc\")", "3"),
                Arguments.of("(int) java.lang.invoke.MethodHandles.lookup().findVirtual(String.class, \"length\",\n"
                        + "    java.lang.invoke.MethodType.methodType(int.class)).invoke(\"abcd\")", "4"),
                Arguments.of("class Secret { private int v() { return 7; } }\n"
                        + "var m = Secret.class.getDeclaredMethod(\"v\");\nm.setAccessible(true);\nm.invoke(new Secret())", "7"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void finalExpressionValue(String cell, String expected) {
        var result = session.execute(cell, 1);
        assertNull(result.error(), () -> "unexpected error: " + result.error());
        assertEquals(expected != null, result.hasValue(), () -> "result: " + result);
        assertEquals(expected, result.valueText());
    }

    /**
     * A comment never closed: javac's error, where it opens, and nothing of the cell runs. JShell
     * dropped the comment and what followed it in silence (found by trying to break the kernel).
     */
    @Test
    void anUnclosedCommentIsAnErrorAndNothingRuns() {
        session.execute("int kept = 5;", 1);
        var error = session.execute("kept = 7;\n/* a comment never closed\nkept = 9;", 2).error();
        assertEquals("CompilationException", error.ename());
        assertEquals("unclosed comment", error.evalue());
        assertEquals(java.util.List.of("CompilationException: unclosed comment", "Line 2, column 1: unclosed comment",
                "/* a comment never closed", "^"), error.traceback());
        assertEquals("5", session.execute("kept", 3).valueText());
    }

    /**
     * The library's parallel loops start worker threads the first time a large op runs; if they
     * joined the cell's thread group, JShell would wait for them and the cell would never end.
     */
    @Test
    void aCellThatStartsTheLibrarysWorkerThreadsStillEnds() {
        var result = CompletableFuture.supplyAsync(
                () -> session.execute("var big = Torch.ones(1000, 1000);\nbig.add(big).sum().item()", 1));
        var done = assertTimeoutPreemptivelyResult(result);
        assertNull(done.error(), () -> "unexpected error: " + done.error());
        assertEquals("2000000.0", done.valueText());
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("jautograd-kernel")),
                "the op ran on the library's worker threads");
    }

    private static CellResult assertTimeoutPreemptivelyResult(CompletableFuture<CellResult> result) {
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the cell did not end within 30 s", e);
        }
    }

    @Test
    void valueIsTheRealObject() {
        var result = session.execute("var t = Torch.ones(2);\nt", 1);
        assertTrue(result.value() instanceof Tensor);
        assertEquals("tensor([1., 1.])", result.value().toString());
        var temp = session.execute("Torch.zeros(1)", 1);
        assertTrue(temp.value() instanceof Tensor, "a temporary $N value is captured too");
    }

    @Test
    void tensorVariablesAreTheNotebooksTensorsByName() {
        session.execute("var na = Torch.ones(1);\nTensor nb = na.mul(2);\nint notATensor = 3;", 1);
        session.execute("Torch.zeros(1)", 2); // a temporary $N: not a name anyone wrote
        var tensors = session.tensorVariables();
        assertTrue(tensors.get("na") instanceof Tensor);
        assertTrue(tensors.get("nb") instanceof Tensor);
        assertFalse(tensors.containsKey("notATensor"));
        assertTrue(tensors.keySet().stream().noneMatch(name -> name.startsWith("$")), tensors.keySet().toString());
        var again = session.tensorVariables();
        assertTrue(again.get("na") == tensors.get("na"), "the same object, not a copy");
    }

    @Test
    void redefinitionReplacesMethodAndVariable() {
        session.execute("int redef() { return 1; }\nvar rv = \"a\";", 1);
        var result = session.execute("int redef() { return 2; }\nString rv = \"b\";\nredef() + rv", 2);
        assertEquals("\"2b\"", result.valueText());
    }

    /** cell, ename, evalue, a line the traceback must contain. */
    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("var ok = 1;\nint bad = \"text\";", "CompilationException",
                        "incompatible types: java.lang.String cannot be converted to int", "Line 2, column 11: "),
                Arguments.of("int x = 1;\nundefinedName + 1", "CompilationException",
                        "cannot find symbol\n  symbol:   variable undefinedName", "Line 2, column 1: "),
                Arguments.of("var v = 0;\n// a comment\nint w = 10 / v;", "ArithmeticException", "/ by zero",
                        "    at <cell> (In [7], line 3)"),
                Arguments.of("int div(int d) {\n  return 1 / d;\n}\ndiv(0)", "ArithmeticException", "/ by zero",
                        "    at div (In [7], line 2)"),
                Arguments.of("throw new IllegalStateException(\"boom\");", "IllegalStateException", "boom",
                        "IllegalStateException: boom"),
                Arguments.of("Integer.parseInt(\"x\")", "NumberFormatException", "For input string: \"x\"",
                        "    ... "), // the JDK's frames, counted on one line
                Arguments.of("Torch.tensor(new double[] {1}).retainGrad()", "IllegalStateException",
                        "can't retain_grad on Tensor that has requires_grad=False",
                        "In Java: x.requiresGrad() is false"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorsCarryTypeMessageAndCellLine(String cell, String ename, String evalue, String line) {
        var error = session.execute(cell, 7).error();
        assertEquals(ename, error.ename());
        assertTrue(error.evalue().startsWith(evalue), error.evalue());
        assertTrue(error.traceback().stream().anyMatch(l -> l.startsWith(line)), () -> String.join("\n", error.traceback()));
    }

    @Test
    void compileErrorShowsTheLineAndACaret() {
        var error = session.execute("var fine = 1;\nint bad = \"text\";", 1).error();
        assertEquals(java.util.List.of(
                "CompilationException: incompatible types: java.lang.String cannot be converted to int",
                "Line 2, column 11: incompatible types: java.lang.String cannot be converted to int",
                "int bad = \"text\";",
                "          ^"), error.traceback());
    }

    @Test
    void cellStopsAtTheFirstError() {
        session.execute("var counter = 0;", 1);
        session.execute("counter = 1;\nthrow new RuntimeException(\"stop\");\ncounter = 2;", 2);
        assertEquals("1", session.execute("counter", 3).valueText());
    }

    @Test
    void interruptStopsATightLoopAndKeepsVariables() throws Exception {
        session.execute("var survivor = 41;", 1);
        var running = CompletableFuture.supplyAsync(() -> session.execute("while (true) {}", 2));
        while (!session.isRunning()) {
            Thread.onSpinWait();
        }
        Thread.sleep(300);
        session.interrupt();
        var result = running.get(10, TimeUnit.SECONDS);
        assertEquals("Interrupted", result.error().ename());
        assertEquals("42", session.execute("survivor + 1", 3).valueText());
    }

    @Test
    void interruptWhenIdleDoesNotAffectTheNextCell() {
        session.interrupt();
        assertEquals("3", session.execute("1 + 2", 1).valueText());
    }

    @Test
    void printsGoToSystemOut() {
        var captured = new java.io.ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            session.execute("System.out.println(\"from the cell\");", 1);
        } finally {
            System.setOut(original);
        }
        assertEquals("from the cell\n", captured.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(session.isRunning());
    }
}
