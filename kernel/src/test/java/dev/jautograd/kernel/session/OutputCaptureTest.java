package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
    private record Chunk(String stream, String text) { }

    @Test
    void interleavedStreamsArriveInWriteOrder() {
        var received = new ArrayList<Chunk>();
        var capture = new OutputCapture((s, t) -> { });
        capture.open((stream, text) -> received.add(new Chunk(stream, text)), 1);
        capture.out().print("a");
        capture.out().print("b");
        capture.err().print("c");
        capture.out().println("d");
        capture.flush();
        assertEquals(List.of(new Chunk("stdout", "ab"), new Chunk("stderr", "c"), new Chunk("stdout", "d\n")), received);
    }

    @Test
    void aFloodIsCutAtTheCellLimitWithOneNoteAndTheNextCellPrintsAgain() {
        var received = new ArrayList<Chunk>();
        var capture = new OutputCapture((s, t) -> { });
        capture.open((stream, text) -> received.add(new Chunk(stream, text)), 1);
        String line = "x".repeat(99) + "\n";
        long lines = 3 * OutputCapture.CELL_OUTPUT_LIMIT / line.length();
        for (long i = 0; i < lines; i++) {
            capture.out().print(line);
        }
        capture.flush();
        long stdout = received.stream().filter(c -> c.stream().equals("stdout")).mapToLong(c -> c.text().length()).sum();
        var notes = received.stream().filter(c -> c.text().contains("output truncated")).toList();
        assertEquals(OutputCapture.CELL_OUTPUT_LIMIT / line.length() * line.length(), stdout);
        assertEquals(1, notes.size());
        assertEquals("stderr", notes.get(0).stream());
        received.clear();
        capture.open((stream, text) -> received.add(new Chunk(stream, text)), 1);
        capture.out().print("next cell");
        capture.flush();
        assertEquals(List.of(new Chunk("stdout", "next cell")), received);
    }

    @Test
    void closeFlushesToTheCellAndLaterTextGoesToTheLog() {
        var first = new ArrayList<String>();
        var fallback = new ArrayList<String>();
        var capture = new OutputCapture((s, t) -> fallback.add(t));
        capture.open((s, t) -> first.add(t), 1);
        capture.out().print("cell output");
        capture.close();
        capture.out().print("after");
        capture.flush();
        assertEquals(List.of("cell output"), first);
        assertEquals(List.of("after"), fallback);
    }

    /** JShell waits for every thread in a snippet's group: a print must not start one there. */
    @Test
    void printingStartsNoThreadInTheWritersGroup() throws InterruptedException {
        var capture = new OutputCapture((s, t) -> { });
        var snippetGroup = new ThreadGroup("snippet");
        var writer = new Thread(snippetGroup, () -> capture.out().print("x"), "writer");
        writer.start();
        writer.join();
        var threads = new Thread[8];
        int count = snippetGroup.enumerate(threads);
        for (int i = 0; i < count; i++) {
            assertEquals("writer", threads[i].getName(), "a thread was started in the snippet's group");
        }
        capture.flush();
    }

    @Test
    void multiByteTextSurvives() {
        var received = new StringBuilder();
        var capture = new OutputCapture((s, t) -> received.append(t));
        capture.out().print("grad ∂y/∂a → 75 ✓");
        capture.flush();
        assertEquals("grad ∂y/∂a → 75 ✓", received.toString());
    }

    @Test
    void pendingTextIsFlushedWithoutAnExplicitFlush() throws InterruptedException {
        var received = new StringBuffer();
        var capture = new OutputCapture((s, t) -> received.append(t));
        capture.out().print("later");
        for (int i = 0; i < 100 && received.length() == 0; i++) {
            Thread.sleep(20);
        }
        assertEquals("later", received.toString());
    }

    // ---------------------------------------------------------------- threads started by cells

    private static final String LATE_OF_CELL_3 = "[thread \"bg\" of cell 3, written after that cell had ended:]\n";

    /** A thread made by the cell's thread (after enterCell), held until {@code go} opens. */
    private static Thread backgroundThread(OutputCapture capture, CountDownLatch go, String text) {
        var thread = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            capture.out().print(text);
        }, "bg");
        thread.start();
        return thread;
    }

    @Test
    void aThreadWritesToItsCellWhileTheCellIsOpen() throws Exception {
        var received = new ArrayList<Chunk>();
        var capture = new OutputCapture((s, t) -> { });
        capture.open((stream, text) -> received.add(new Chunk(stream, text)), 3);
        capture.enterCell();
        var go = new CountDownLatch(1);
        var thread = backgroundThread(capture, go, "in time\n");
        go.countDown();
        thread.join();
        capture.close();
        assertEquals(List.of(new Chunk("stdout", "in time\n")), received);
    }

    @Test
    void afterItsCellEndedAThreadWritesToTheRunningCellUnderALabelOncePerRun() throws Exception {
        var capture = new OutputCapture((s, t) -> { });
        capture.open((s, t) -> { }, 3);
        capture.enterCell();
        var go = new CountDownLatch(1);
        var thread = backgroundThread(capture, go, "late 1\n");
        capture.close();
        var received = new ArrayList<Chunk>();
        capture.open((stream, text) -> received.add(new Chunk(stream, text)), 4);
        capture.enterCell();
        capture.out().print("own\n");
        go.countDown();
        thread.join();
        var more = new Thread(() -> { }, "other"); // made by cell 4: its own
        more.start();
        more.join();
        capture.flush();
        capture.close();
        assertEquals(List.of(new Chunk("stdout", "own\n"), new Chunk("stdout", LATE_OF_CELL_3 + "late 1\n")), received);
    }

    @Test
    void betweenCellsAThreadsTextGoesToTheLogAndToTheNextCell() throws Exception {
        var log = new ArrayList<String>();
        var capture = new OutputCapture((s, t) -> log.add(t));
        capture.open((s, t) -> { }, 3);
        capture.enterCell();
        var go = new CountDownLatch(1);
        var thread = backgroundThread(capture, go, "between\n");
        capture.close();
        go.countDown();
        thread.join();
        assertEquals(List.of("between\n"), log);
        var received = new ArrayList<Chunk>();
        capture.open((stream, text) -> received.add(new Chunk(stream, text)), 4);
        assertEquals(List.of(new Chunk("stdout", LATE_OF_CELL_3 + "between\n")), received);
        received.clear();
        capture.close();
        capture.open((stream, text) -> received.add(new Chunk(stream, text)), 5);
        assertEquals(List.of(), received, "delivered once");
    }

    /** A parallel stream in cell 4 runs on workers that cell 3 may have made: its output is cell 4's. */
    @Test
    void theCommonPoolsWorkersWriteToWhicheverCellIsOpen() throws InterruptedException {
        var received = new ArrayList<Chunk>();
        var capture = new OutputCapture((s, t) -> { });
        capture.open((s, t) -> { }, 3);
        capture.enterCell();
        var made = new CountDownLatch(1);
        ForkJoinPool.commonPool().execute(made::countDown); // execute never runs it on the caller
        made.await();
        capture.close();
        capture.open((stream, text) -> received.add(new Chunk(stream, text)), 4);
        var printed = new CountDownLatch(1);
        ForkJoinPool.commonPool().execute(() -> {
            capture.out().print("parallel\n");
            printed.countDown();
        });
        printed.await();
        capture.close();
        assertEquals(List.of(new Chunk("stdout", "parallel\n")), received);
    }
}
