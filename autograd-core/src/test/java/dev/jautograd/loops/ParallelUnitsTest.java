package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Parallel#forUnits}: every unit runs exactly once whoever claims it, and a unit's failure reaches the caller. */
class ParallelUnitsTest {
    @ParameterizedTest(name = "{0} units")
    @ValueSource(ints = {0, 1, 2, 3, 17, 1000, 100_003})
    void everyUnitRunsOnce(int n) {
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        for (int repeat = 0; repeat < 20; repeat++) {
            Parallel.forUnits(n, Parallel.MIN_PARALLEL, (from, to) -> {
                for (int i = from; i < to; i++) runs.incrementAndGet(i);
            });
        }
        for (int i = 0; i < n; i++) assertEquals(20, runs.get(i), "unit " + i);
    }

    @ParameterizedTest(name = "failing unit {0}")
    @ValueSource(ints = {0, 999})
    void aFailingUnitThrowsInTheCaller(int failing) {
        IllegalArgumentException boom = new IllegalArgumentException("unit " + failing);
        var thrown = assertThrows(IllegalArgumentException.class, () -> Parallel.forUnits(1000, Parallel.MIN_PARALLEL,
                (from, to) -> {
                    if (from <= failing && failing < to) throw boom;
                }));
        assertSame(boom, thrown);
    }
}
