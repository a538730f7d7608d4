package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HotPath}'s decisions with fake kernels and a fake clock: each chunk "takes" the time
 * the test assigns to its path, so what runs where is deterministic.
 */
class HotPathTest {
    private static final long MS = 1_000_000;

    /** A clock that a chunk advances by the time its path is given; records every chunk. */
    private static final class FakeKernels implements HotPath.Clock, HotPath.Work {
        long now, scalarNanos, vectorNanos;
        final List<int[]> chunks = new ArrayList<>(); // {from, to, vector ? 1 : 0}

        @Override public long nanoTime() {
            return now;
        }

        @Override public void run(int from, int to, boolean vector) {
            chunks.add(new int[] {from, to, vector ? 1 : 0});
            now += vector ? vectorNanos : scalarNanos;
        }

        long vectorChunks() {
            return chunks.stream().filter(c -> c[2] == 1).count();
        }
    }

    @Test
    void coversTheRangeInOrderWithoutGapsOrOverlaps() {
        FakeKernels k = new FakeKernels();
        k.scalarNanos = 100 * MS;
        k.vectorNanos = 1000 * MS;
        HotPath gate = new HotPath(k, () -> true);
        gate.run(3, 100_003, 1, k);
        int at = 3;
        for (int[] c : k.chunks) {
            assertEquals(at, c[0]);
            assertTrue(c[1] > c[0]);
            at = c[1];
        }
        assertEquals(100_003, at);
    }

    @Test
    void aShortFirstCallRunsOnlyScalar() {
        FakeKernels k = new FakeKernels();
        k.scalarNanos = HotPath.FIRST_TRIAL_AFTER_NANOS / 50; // 49 chunks: under the first trial's threshold
        HotPath gate = new HotPath(k, () -> true);
        gate.run(0, 49 * HotPath.CHUNK_ELEMENTS, 1, k);
        assertEquals(0, k.vectorChunks());
        assertEquals(49, k.chunks.size());
        assertFalse(gate.hot());
    }

    @Test
    void slowTrialsStayWithinTheBudgetAndLeaveTheGateCold() {
        FakeKernels k = new FakeKernels();
        k.scalarNanos = 10 * MS;
        k.vectorNanos = 30 * MS; // a 64-element trial: hundreds of times slower per element
        HotPath gate = new HotPath(k, () -> true);
        int chunks = (int) (HotPath.PATIENT_NANOS / k.scalarNanos);
        gate.run(0, chunks * HotPath.CHUNK_ELEMENTS, 1, k);
        long trials = k.vectorChunks();
        assertTrue(trials >= 1, "trials keep the vector kernel's JIT counters growing");
        assertTrue(trials * k.vectorNanos <= chunks * k.scalarNanos / HotPath.BUDGET + k.vectorNanos, "over budget: " + trials);
        assertFalse(gate.hot());
        k.chunks.stream().filter(c -> c[2] == 1).forEach(c -> assertEquals(HotPath.MIN_TRIAL_ELEMENTS, c[1] - c[0]));
    }

    @Test
    void turnsHotOnceATrialBeatsTheScalarChunksAndStaysHot() {
        FakeKernels k = new FakeKernels();
        k.scalarNanos = 25 * MS;
        k.vectorNanos = 1000 * MS;
        HotPath gate = new HotPath(k, () -> true);
        gate.run(0, 20 * HotPath.CHUNK_ELEMENTS, 1, k); // 500 ms scalar: one slow trial
        assertFalse(gate.hot());
        k.vectorNanos = MS / 100; // compiled: 10 µs per trial, far under a scalar chunk's share
        k.chunks.clear();
        gate.run(0, 100 * HotPath.CHUNK_ELEMENTS, 1, k);
        assertTrue(gate.hot());
        int[] last = k.chunks.get(k.chunks.size() - 1);
        assertEquals(1, last[2]);
        assertEquals(100 * HotPath.CHUNK_ELEMENTS, last[1], "the rest in one vector call");
        k.chunks.clear();
        gate.run(0, 5_000_000, 1, k);
        assertEquals(List.of(0, 5_000_000, 1), List.of(k.chunks.get(0)[0], k.chunks.get(0)[1], k.chunks.get(0)[2]));
        assertEquals(1, k.chunks.size());
    }

    @Test
    void noTrialBeforeTheVectorApiIsReady() {
        FakeKernels k = new FakeKernels();
        k.scalarNanos = 100 * MS;
        boolean[] ready = {false};
        HotPath gate = new HotPath(k, () -> ready[0]);
        gate.run(0, 40 * HotPath.CHUNK_ELEMENTS, 1, k);
        assertEquals(0, k.vectorChunks());
        ready[0] = true;
        gate.run(0, 2 * HotPath.CHUNK_ELEMENTS, 1, k);
        assertTrue(k.vectorChunks() >= 1);
    }

    @Test
    void rowsAreNeverSplit() {
        FakeKernels k = new FakeKernels();
        k.scalarNanos = 50 * MS;
        k.vectorNanos = 500 * MS;
        HotPath gate = new HotPath(k, () -> true);
        gate.run(0, 300, 1000, k); // rows of 1000 elements: 2 rows a chunk, 1 row a trial
        for (int[] c : k.chunks) assertTrue(c[1] - c[0] == (c[2] == 1 ? 1 : 2) || c[1] == 300);
        assertTrue(k.vectorChunks() >= 1);
    }

    @Test
    void unitsTooLongForATrialGoVectorAsBeforeTheGate() {
        FakeKernels k = new FakeKernels();
        HotPath gate = new HotPath(k, () -> true);
        gate.run(0, 50, HotPath.MAX_TRIAL_ELEMENTS + 1, k);
        assertEquals(List.of(0, 50, 1), List.of(k.chunks.get(0)[0], k.chunks.get(0)[1], k.chunks.get(0)[2]));
        assertEquals(1, k.chunks.size());
        assertFalse(gate.hot(), "no verdict on the rows that fit a trial");
    }

    @Test
    void theScalarBestMustBeSettledBeforeDeciding() {
        FakeKernels k = new FakeKernels();
        k.scalarNanos = 300 * MS; // the first chunk alone crosses the first trial's threshold
        k.vectorNanos = 0;
        HotPath gate = new HotPath(k, () -> true);
        gate.run(0, HotPath.MIN_SCALAR_CHUNKS * HotPath.CHUNK_ELEMENTS, 1, k);
        assertFalse(gate.hot(), "decided on fewer than MIN_SCALAR_CHUNKS scalar chunks");
        gate.run(0, 4 * HotPath.CHUNK_ELEMENTS, 1, k);
        assertTrue(gate.hot());
    }

    @Test
    void longUnitsWithATrialRunScalarAndTryPrefixesUntilTheVectorPathWins() {
        FakeKernels k = new FakeKernels();
        k.scalarNanos = 20 * MS; // a sum of 10^7 floats, scalar
        List<Integer> trials = new ArrayList<>();
        long[] trialNanos = {5 * MS}; // cold: the Vector API's Java fallback
        HotPath.Trial trial = elements -> {
            trials.add(elements);
            k.now += trialNanos[0];
        };
        HotPath gate = new HotPath(k, () -> true);
        int weight = HotPath.MAX_TRIAL_ELEMENTS * 600; // 10^7
        for (int call = 0; call < 15; call++) gate.run(0, 1, weight, k, trial); // 300 ms: PATIENT_NANOS
        assertEquals(0, k.vectorChunks(), "a long unit goes vector only once a trial has won");
        assertEquals(15, k.chunks.size());
        assertTrue(trials.size() >= 1, "trials warm the vector kernel meanwhile");
        assertTrue(trials.size() * trialNanos[0] <= 15 * k.scalarNanos / HotPath.BUDGET + trialNanos[0], "over budget");
        trials.forEach(e -> assertEquals(HotPath.LONG_TRIAL_ELEMENTS, e, "a prefix long enough for the kernel's main loop"));
        trialNanos[0] = 1000; // compiled: 1 µs for a prefix, far faster per element
        for (int call = 0; call < 3; call++) gate.run(0, 1, weight, k, trial); // a unit's scalar time renews the budget
        assertTrue(gate.hot());
        k.chunks.clear();
        gate.run(0, 3, weight, k, trial);
        assertEquals(List.of(0, 3, 1), List.of(k.chunks.get(0)[0], k.chunks.get(0)[1], k.chunks.get(0)[2]));
        assertEquals(1, k.chunks.size(), "all three units in one vector call");
    }
}
