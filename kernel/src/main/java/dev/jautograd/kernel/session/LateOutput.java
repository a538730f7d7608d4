package dev.jautograd.kernel.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Text background threads wrote after their cell had ended, for {@link OutputCapture}: sent to
 * the running cell under a line naming the thread and its cell (once per run of such text, not
 * per flush), or, while no cell runs, held for the next cell. Callers hold the capture's lock.
 */
final class LateOutput {
    /** What is held between cells; it is in the kernel's log as well, so the rest is only noted. */
    static final int HELD_LIMIT = 64 * 1024;

    private record Chunk(String stream, String text) { }

    private final List<Chunk> held = new ArrayList<>();
    private int heldChars;
    private boolean heldDropped;
    private String sentLabel;
    private String heldLabel;

    /** The cell's own text went out, or the cell ended: the next late text needs its label again. */
    void ownTextSent() {
        sentLabel = null;
    }

    void sendMarked(OutputCapture.Sink sink, String stream, String label, String text) {
        sink.write(stream, label.equals(sentLabel) ? text : label + text);
        sentLabel = label;
    }

    void hold(String stream, String label, String text) {
        String marked = label.equals(heldLabel) ? text : label + text;
        heldLabel = label;
        if (heldChars + marked.length() > HELD_LIMIT) {
            heldDropped = true;
            return;
        }
        heldChars += marked.length();
        held.add(new Chunk(stream, marked));
    }

    /** A cell starts: it gets what was held, in the order it was written. */
    void deliverHeld(OutputCapture.Sink sink) {
        sentLabel = null;
        heldLabel = null;
        for (var chunk : held) {
            sink.write(chunk.stream(), chunk.text());
        }
        if (heldDropped) {
            sink.write("stderr", "[more output of background threads, written while no cell was running,"
                    + " is in the kernel's log only]\n");
        }
        held.clear();
        heldChars = 0;
        heldDropped = false;
    }
}
