package dev.jautograd.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /** What a kernel would be sent: "show" or "update", and the text shown. */
    private final List<String> sent = new ArrayList<>();
    private long now;

    @BeforeEach
    void attach() {
        Display.install(new Display.Sink() {
            @Override
            public void show(Object value, String displayId) {
                sent.add("show " + Display.plainText(value));
            }

            @Override
            public void update(Object value, String displayId) {
                sent.add("update " + Display.plainText(value));
            }

            @Override
            public void clearOutput(boolean wait) {
                sent.add("clear");
            }
        });
    }

    @AfterEach
    void detach() {
        Display.install(null);
    }

    private <T> Progress<T> bar(Iterable<T> items, long total) {
        return new Progress<>(items, total, () -> now);
    }

    /** 1,000 steps 1 ms apart: one show, an update per 100 ms, the final state; never one per step. */
    @Test
    void updatesAreThrottledToTenASecond() {
        int steps = 0;
        for (int step : bar(() -> java.util.stream.IntStream.range(0, 1000).iterator(), 1000)) {
            now += 1_000_000L;
            steps++;
        }
        assertEquals(1000, steps);
        assertEquals("show", sent.get(0).substring(0, 4));
        assertEquals(1 + 9 + 1, sent.size(), sent.toString()); // the tenth 100 ms mark is the final draw
        assertTrue(sent.get(sent.size() - 1).startsWith("update 100%|████████████████████| 1000/1000 [00:01<00:00, 1000.00it/s]"),
                sent.get(sent.size() - 1));
    }

    @Test
    void textIsTqdms() {
        var bar = bar(List.of(1, 2, 3, 4), 4).desc("epoch").set("loss", 0.41345678).set("lr", 1e-5).set("step", 3);
        var it = bar.iterator();
        it.next();
        now = 500_000_000L;
        it.next();
        it.next(); // two steps finished in half a second
        assertEquals("epoch:  50%|██████████          | 2/4 [00:00<00:00, 4.00it/s, loss=0.413, lr=1e-5, step=3]", bar.text());
    }

    /** Shown before its loop (a cell's value): no time has passed, whatever the clock reads. */
    @Test
    void aBarNotStartedShowsNoElapsedTime() {
        now = 3_465_000_000_000L; // System.nanoTime() counts from boot: here 57 minutes
        assertEquals("x: 0it [00:00, ?it/s]", bar(List.of(), 0).desc("x").text());
        assertEquals("  0%|                    | 0/5 [00:00<?, ?it/s]", bar(List.of(1, 2, 3, 4, 5), 5).text());
    }

    @Test
    void unknownLengthCountsOnly() {
        var bar = bar(List.of(1, 2, 3), -1);
        bar.forEach(x -> now += 2_000_000_000L);
        assertEquals("3it [00:06, 0.50it/s]", bar.text().replace("[00:06, 2.00s/it]", "[00:06, 0.50it/s]"));
        assertEquals("3it [00:06, 2.00s/it]", bar.text());
    }

    @Test
    void numbersAreFormattedAsTqdmDoes() {
        assertEquals("0.413", ProgressText.number(0.41345678));
        assertEquals("1e-5", ProgressText.number(1e-5));
        assertEquals("1.23e+4", ProgressText.number(12345.678));
        assertEquals("1234.5", ProgressText.number(1234.5)); // str() is shorter than 1.23e+3
        assertEquals("0.5", ProgressText.number(0.5));
        assertEquals("0.0005", ProgressText.number(0.0005));
        assertEquals("12", ProgressText.number(12.0)); // Python: "{:.3g}" gives 12, shorter than str(12.0)
        assertEquals("12", ProgressText.number(12));
    }

    /** Without a kernel the bar is one terminal line, redrawn with \\r, ended by a newline. */
    @Test
    void withoutAKernelTheBarIsOneConsoleLine() {
        Display.install(null);
        var err = new java.io.ByteArrayOutputStream();
        var saved = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (int x : bar(List.of(1, 2), 2)) {
                now += 1_000_000_000L;
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("\r  0%|                    | 0/2 [00:00<?, ?it/s]"
                + "\r 50%|██████████          | 1/2 [00:01<00:01, 1.00it/s]"
                + "\r100%|████████████████████| 2/2 [00:02<00:00, 1.00it/s]\n", err.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(), sent);
    }

    @Test
    void aBreakLeavesTheBarWhereItStoppedUntilClosed() {
        var bar = bar(List.of(1, 2, 3, 4), 4);
        for (int x : bar) {
            if (x == 2) {
                break;
            }
        }
        bar.close();
        assertTrue(sent.get(sent.size() - 1).startsWith("update  25%"), sent.toString());
    }
}
