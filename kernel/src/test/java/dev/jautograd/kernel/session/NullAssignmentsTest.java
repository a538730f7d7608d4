package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which cells a full heap still runs, without javac, and what they do (the kernel test with a
 * capped heap, test_faults.HeapPressureTests, runs them under a heap really full).
 */
class NullAssignmentsTest extends SessionTest {
    /** cell; whether it runs without javac; then a, b and n as Strings (a and b are lists). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a = null;                  | true  | null   | [2] | 3",
        "a = null                   | true  | null   | [2] | 3",
        "  a=null;\\n b = null ;\\n  | true  | null   | null | 3",
        "a = null; b = List.of(9);  | false | [1]    | [2] | 3",
        "n = null;                  | false | [1]    | [2] | 3",
        "undeclared = null;         | false | [1]    | [2] | 3",
        "a = null; undeclared = null; | false | [1] | [2] | 3",
        "a == null;                 | false | [1]    | [2] | 3",
        "a = nullish;               | false | [1]    | [2] | 3",
        ";                          | false | [1]    | [2] | 3",
        "''                         | false | [1]    | [2] | 3",
    })
    void onlyNullAssignmentsToReferenceVariablesRun(String cell, boolean runs, String a, String b, String n) {
        for (String declaration : new String[] {"var a = new ArrayList<>(List.of(1));", "var b = List.of(2);", "int n = 3;"}) {
            assertEquals(null, session.execute(declaration, 1).error());
        }
        assertEquals(runs, session.nullAssignments().run(cell.replace("\\n", "\n")), cell);
        assertEquals(a, text("String.valueOf(a)"));
        assertEquals(b, text("String.valueOf(b)"));
        assertEquals(n, text("String.valueOf(n)"));
    }

    private static String text(String expression) {
        var result = session.execute(expression, 1);
        assertEquals(null, result.error());
        return (String) result.value();
    }
}
