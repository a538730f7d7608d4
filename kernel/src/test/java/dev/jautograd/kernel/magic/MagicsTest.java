package dev.jautograd.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.kernel.session.CellResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The magics' parsing against a fake interpreter that records the Java it is handed. */
class MagicsTest {
    private final List<String> ran = new ArrayList<>();
    private final List<String> classpath = new ArrayList<>();
    private final Magics magics = new Magics(new Interpreter() {
        @Override
        public CellResult execute(String code, int executionCount) {
            ran.add(code);
            return new CellResult(true, code.strip(), code.strip(), null);
        }

        @Override
        public void addToClasspath(String path) {
            classpath.add(path);
        }
    });

    @Test
    void javaWithoutMagicsPassesThroughUnchanged() {
        String cell = "int r = 10\n% 3;\n r % 2";
        magics.execute(cell, 1);
        assertEquals(List.of(cell), ran);
    }

    @Test
    void javaAfterAMagicKeepsItsLineNumbers() {
        magics.execute("%lsmagic\nint a = 1;\n%help\na", 1);
        assertEquals(List.of("\nint a = 1;", "\n\n\na"), ran);
    }

    @Test
    void anIndentedPercentIsJava() {
        magics.execute("  %lsmagic", 1);
        assertEquals(List.of("  %lsmagic"), ran);
    }

    @Test
    void unknownMagicFailsWithoutRunningWhatFollows() {
        CellResult result = magics.execute("%nosuch\nint a = 1;", 1);
        assertTrue(result.failed());
        assertEquals("UsageError", result.error().ename());
        assertEquals("Line magic function `%nosuch` not found. %lsmagic lists the magics.", result.error().evalue());
        assertEquals(List.of(), ran);
    }

    @Test
    void cellTimeRunsTheBodyOnItsOwnLines() {
        CellResult result = magics.execute("%%time\nx", 1);
        assertFalse(result.failed());
        assertEquals(List.of("\nx"), ran);
    }

    @Test
    void timeFormatsAsIPython() {
        assertEquals("1.23 ms", TimeMagics.format(0.0012345));
        assertEquals("500 µs", TimeMagics.format(0.0005));
        assertEquals("2.5 s", TimeMagics.format(2.5));
        assertEquals("12 ns", TimeMagics.format(12e-9));
        assertEquals("2 ms ± 0 ns per loop (mean ± std. dev. of 7 runs, 1,000 loops each)",
                TimeMagics.report(new double[] {2e-3, 2e-3, 2e-3, 2e-3, 2e-3, 2e-3, 2e-3}, 1000));
    }
}
