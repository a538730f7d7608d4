package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a dense float32 map of the Sleef functions goes to a second thread: scalar (~20 ns an
 * element) from 2,048 elements, but with SIMD running (~1-2 ns) only from tens of thousands,
 * where the hand-off pays (training.ipynb's tanh of 200×16 took 14 µs split against 7 µs on one
 * thread, measured).
 */
class FloatFunctionCostTest {
    @ParameterizedTest(name = "{0} of {1} floats, SIMD {2}: split {3}")
    @CsvSource({
        "TANH, 3200, false, true",
        "TANH, 3200, true, false",
        "TANH, 16384, true, true",
        "TANH, 1600, false, false",
        "EXP, 3200, true, false",
        "EXP, 16384, true, false",
        "EXP, 10000000, true, true",
        "SIGMOID, 3200, false, true",
        "SIGMOID, 3200, true, false",
        "LOG, 3200, true, true", // no SIMD form here: the scalar cost whatever the flag
        "RELU, 3200, false, false",
    })
    void splitsOnlyWhereAThreadPays(FloatFunction f, int n, boolean simd, boolean split) {
        assertEquals(split, (long) n * f.cost(simd) >= Parallel.MIN_PARALLEL);
    }
}
