package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cells that would end the JVM, or install a security manager over the kernel, get an error
 * instead; if the rewrite failed, this test JVM would die (or every later cell fail).
 */
class FatalCallsTest {
    private static JShellSession session;

    @BeforeAll
    static void start() {
        session = JShellSession.start();
        session.execute("var kept = 41;", 1);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    /** cell, expected ename, a part of the message. */
    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("System.exit(0);", "KernelExitRefused", "System.exit(0)"),
                Arguments.of("Runtime.getRuntime().exit(2);", "KernelExitRefused", "Runtime.exit(2)"),
                Arguments.of("Runtime.getRuntime().halt(1);", "KernelExitRefused", "Runtime.halt(1)"),
                Arguments.of("java.util.function.IntConsumer quit = System::exit;\nquit.accept(3);",
                        "KernelExitRefused", "System.exit(3)"),
                Arguments.of("java.util.function.IntConsumer halt = Runtime.getRuntime()::halt;\nhalt.accept(4);",
                        "KernelExitRefused", "Runtime.halt(4)"),
                Arguments.of("java.util.function.ObjIntConsumer<Runtime> leave = Runtime::exit;\nleave.accept(Runtime.getRuntime(), 5);",
                        "KernelExitRefused", "Runtime.exit(5)"),
                Arguments.of("System.class.getMethod(\"exit\", int.class).invoke(null, 6);",
                        "KernelExitRefused", "System.exit(6) through reflection"),
                Arguments.of("Runtime.class.getMethod(\"halt\", int.class).invoke(Runtime.getRuntime(), 8);",
                        "KernelExitRefused", "Runtime.halt(8) through reflection"),
                Arguments.of("var h = java.lang.invoke.MethodHandles.lookup().findStatic(System.class, \"exit\",\n"
                        + "    java.lang.invoke.MethodType.methodType(void.class, int.class));",
                        "KernelExitRefused", "System.exit(…) through reflection"),
                Arguments.of("var h = java.lang.invoke.MethodHandles.publicLookup().unreflect(\n"
                        + "    Runtime.class.getMethod(\"exit\", int.class));",
                        "KernelExitRefused", "Runtime.exit(…) through reflection"),
                Arguments.of("class Quitter { static void go() { System.exit(7); } }\nQuitter.go();",
                        "KernelExitRefused", "System.exit(7)"),
                Arguments.of("System.setSecurityManager(new SecurityManager() {\n"
                        + "    public void checkPermission(java.security.Permission p) { throw new SecurityException(\"no\"); }\n});",
                        "UnsupportedOperationException", "System.setSecurityManager refused"),
                Arguments.of("System.class.getMethod(\"setSecurityManager\", SecurityManager.class).invoke(null, new SecurityManager());",
                        "UnsupportedOperationException", "System.setSecurityManager refused"),
                Arguments.of("int down(int n) { return down(n + 1) + 1; }\ndown(0)", "StackOverflowError", ""),
                Arguments.of("var huge = new double[Integer.MAX_VALUE - 8];", "OutOfMemoryError", ""));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void fatalCallBecomesAnErrorAndVariablesSurvive(String cell, String ename, String evaluePart) {
        var error = session.execute(cell, 2).error();
        assertEquals(ename, error.ename(), error::toString);
        assertTrue(error.evalue().contains(evaluePart), error::toString);
        assertEquals("42", session.execute("kept + 1", 3).valueText());
    }
}
