package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
    private record Chunk(String stream, String text) { }

    @Test
    void interleavedStreamsArriveInWriteOrder() {
        var received = new ArrayList<Chunk>();
        var capture = new OutputCapture((s, t) -> { });
        capture.redirect((stream, text) -> received.add(new Chunk(stream, text)));
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
        capture.redirect((stream, text) -> received.add(new Chunk(stream, text)));
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
        capture.redirect((stream, text) -> received.add(new Chunk(stream, text)));
        capture.out().print("next cell");
        capture.flush();
        assertEquals(List.of(new Chunk("stdout", "next cell")), received);
    }

    @Test
    void redirectFlushesToThePreviousSink() {
        var first = new ArrayList<String>();
        var fallback = new ArrayList<String>();
        var capture = new OutputCapture((s, t) -> fallback.add(t));
        capture.redirect((s, t) -> first.add(t));
        capture.out().print("cell output");
        capture.redirect(null);
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
}
