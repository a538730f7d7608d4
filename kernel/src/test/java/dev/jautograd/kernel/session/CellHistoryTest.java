package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cells that build on earlier cells, now that each cell's classes live in their own loader and
 * retired snippets are dropped: everything javac accepts across cells must still run.
 */
class CellHistoryTest {
    private JShellSession session;

    @BeforeEach
    void start() {
        session = JShellSession.start();
    }

    @AfterEach
    void stop() {
        session.close();
    }

    /** Earlier cells, then a last cell and the text of its value. */
    static Stream<Arguments> acrossCells() {
        return Stream.of(
                Arguments.of(List.of("var a = 20;", "var b = a + 1;"), "a + b", "41"),
                Arguments.of(List.of("class Box { int v = 3; int twice() { return 2 * v; } }"), "new Box().twice()", "6"),
                Arguments.of(List.of("class Base { int f() { return 1; } }", "class Sub extends Base { int f() { return 2; } }"),
                        "((Base) new Sub()).f()", "2"),
                Arguments.of(List.of("class P { protected int hidden = 7; }"), "new P().hidden", "7"),
                Arguments.of(List.of("interface Shape { double area(); default String kind() { return \"shape\"; } }",
                        "record Sq(double s) implements Shape { public double area() { return s * s; } }"),
                        "new Sq(3).area() + \" \" + new Sq(1).kind()", "\"9.0 shape\""),
                Arguments.of(List.of("enum Level { LOW, HIGH }", "var lv = Level.HIGH;"), "lv.ordinal()", "1"),
                Arguments.of(List.of("class Outer { static class In { private int x = 4; } int read() { return new In().x; } }"),
                        "new Outer().read()", "4"),
                Arguments.of(List.of("int sq(int v) { return v * v; }", "var nine = sq(3);", "int sq(int v) { return v * v * v; }"),
                        "nine + \" \" + sq(3)", "\"9 27\""),
                // The same source again compiles to the same class, which JShell reuses.
                Arguments.of(List.of("var same = Torch.ones(2);", "var same = Torch.ones(2);"), "same.sum()", "tensor(2.)"),
                Arguments.of(List.of("var k = 5;", "java.util.function.IntUnaryOperator addK = x -> x + k;"),
                        "addK.applyAsInt(1)", "6"),
                // The lambda lives in a dropped statement's class and first runs cells later.
                Arguments.of(List.of("var k = 5;", "List<java.util.function.IntSupplier> hooks = new ArrayList<>();",
                        "hooks.add(() -> k);"), "hooks.get(0).getAsInt()", "5"),
                Arguments.of(List.of("abstract class Animal { abstract String say(); }",
                        "var dog = new Animal() { String say() { return \"woof\"; } };"), "dog.say()", "\"woof\""),
                Arguments.of(List.of("var t = Torch.tensor(new double[]{1, 2, 3});", "t.sum()", "t.sum()"),
                        "t.mul(2)", "tensor([2., 4., 6.])"),
                Arguments.of(List.of("class Cell { static int count; }", "Cell.count++;", "Cell.count++;"), "Cell.count", "2"),
                Arguments.of(List.of("var ctx = Thread.currentThread().getContextClassLoader();", "class Found {}"),
                        "Class.forName(new Found().getClass().getName(), false, ctx) == Found.class", "true"));
    }

    @ParameterizedTest
    @MethodSource("acrossCells")
    void laterCellsSeeEarlierDeclarations(List<String> earlier, String last, String expected) {
        for (String cell : earlier) {
            var result = session.execute(cell, 1);
            assertNull(result.error(), () -> cell + " failed: " + result.error());
        }
        var result = session.execute(last, 2);
        assertNull(result.error(), () -> last + " failed: " + result.error());
        assertEquals(expected, result.valueText());
    }

    @Test
    void aCellsStatementsAndValueAreDroppedOnceItEnds() {
        session.execute("var kept = 1;\nSystem.out.print(kept);\nkept + 1", 1);
        var shell = session.shell();
        var active = shell.snippets().filter(s -> shell.status(s).isActive())
                .filter(s -> !s.source().startsWith("import ")).map(s -> s.source().strip()).toList();
        assertEquals(List.of("var kept = 1;"), active);
    }

    @Test
    void theClassOfAReplacedDeclarationIsUnloaded() {
        session.execute("class Probe { static java.lang.ref.WeakReference<Class<?>> old; }", 1);
        session.execute("class Gone { }", 2);
        session.execute("Probe.old = new java.lang.ref.WeakReference<>(Gone.class);", 3);
        session.execute("class Gone { int now; }", 4);
        var result = session.execute("for (int i = 0; i < 5 && Probe.old.get() != null; i++) System.gc();\nProbe.old.get() == null", 5);
        assertEquals("true", result.valueText(), () -> "old class still loaded: " + result);
    }

    @Test
    void onlyTheClassesOfLiveSnippetsStayRegistered() {
        for (int i = 0; i < 50; i++) {
            session.execute("var big = Torch.randn(100, 100);\nvar dependent = big.sum();\nbig.shape()", i);
        }
        var registered = controlClasses().registered();
        assertTrue(registered.size() < 20, () -> "classes still registered: " + registered);
    }

    private SnippetClassLoading controlClasses() {
        try {
            var field = JShellSession.class.getDeclaredField("control");
            field.setAccessible(true);
            return ((ValueCapturingExecutionControl) field.get(session)).classes();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
