package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodeAssistTest {
    private static JShellSession session;
    private static CodeAssist assist;

    @BeforeAll
    static void start() {
        session = JShellSession.start();
        session.execute("var tensorVar = Torch.ones(2);\nvar text = \"abc\";", 1);
        assist = new CodeAssist(session);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    /** code (cursor at "|"), a completion that must be offered, the replaced range's start. */
    static Stream<Arguments> completions() {
        return Stream.of(
                Arguments.of("Math.ma|", "max(", 5),
                Arguments.of("text.toUpperC|", "toUpperCase(", 5),
                Arguments.of("tensorVar.requiresG|", "requiresGrad_(", 10),
                Arguments.of("tensorVar.bac|", "backward(", 10),
                Arguments.of("var n = 1;\ntensorVar.sh|", "shape()", 21),
                Arguments.of("Torch.manualSe|", "manualSeed(", 6),
                Arguments.of("tensorV|", "tensorVar", 0),
                // Package names come from JShell's index, held back until the first completion.
                Arguments.of("import java.util.conc|", "concurrent.", 17));
    }

    @ParameterizedTest
    @MethodSource("completions")
    void completesNamesAndMembersOfVariables(String marked, String expected, int start) {
        int cursor = marked.indexOf('|');
        String code = marked.replace("|", "");
        var completion = assist.complete(code, cursor);
        assertTrue(completion.matches().contains(expected), completion.matches()::toString);
        assertEquals(start, completion.start());
        assertEquals(cursor, completion.end());
    }

    @Test
    void aFreshSessionHoldsBackTheCompletionIndex() {
        try (var fresh = JShellSession.start()) {
            assertTrue(fresh.completionIndexHeld(), "JShell's internals differ on this JDK: its index is built at start");
            new CodeAssist(fresh).complete("Math.ma", 7);
            assertFalse(fresh.completionIndexHeld());
        }
    }

    @Test
    void completionListsEachNameOnce() {
        var matches = assist.complete("Math.max", 8).matches();
        assertEquals(List.of("max("), matches);
    }

    static Stream<Arguments> inspections() {
        return Stream.of(
                Arguments.of("Math.max", "int Math.max(int a, int b)"),
                Arguments.of("Math.max(1, 2)", "int Math.max(int a, int b)"),
                // Which overload JShell lists first differs between JDK 17 and 25.
                Arguments.of("tensorVar.pow", "Tensor TensorMath.pow("));
    }

    @ParameterizedTest
    @MethodSource("inspections")
    void inspectShowsSignatures(String code, String signature) {
        String text = assist.inspect(code, code.indexOf("(") > 0 ? code.indexOf("(") + 1 : code.length());
        assertTrue(text.lines().anyMatch(l -> l.startsWith(signature)), text);
    }

    @Test
    void inspectOfNothingIsEmpty() {
        assertEquals("", assist.inspect("   ", 1));
    }

    static Stream<Arguments> completeness() {
        return Stream.of(
                Arguments.of("1 + 1", CodeAssist.Verdict.COMPLETE),
                Arguments.of("var a = 1;\nvar b = 2;", CodeAssist.Verdict.COMPLETE),
                Arguments.of("// comment only", CodeAssist.Verdict.COMPLETE),
                Arguments.of("for (int i = 0; i < 3; i++) {", CodeAssist.Verdict.INCOMPLETE),
                Arguments.of("var a = 1;\nint f() {", CodeAssist.Verdict.INCOMPLETE),
                Arguments.of("1 +", CodeAssist.Verdict.INCOMPLETE),
                Arguments.of(")))", CodeAssist.Verdict.INVALID),
                Arguments.of("}", CodeAssist.Verdict.INVALID));
    }

    @ParameterizedTest
    @MethodSource("completeness")
    void isComplete(String code, CodeAssist.Verdict verdict) {
        assertEquals(verdict, assist.isComplete(code));
    }
}
