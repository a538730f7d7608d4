package dev.jautograd.kernel.session;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * System.out, System.err and System.in as the kernel set them. A cell may point them elsewhere,
 * as any Java program may, and they stay there; but a null one breaks the kernel itself (JShell
 * compiles every snippet with a PrintWriter over System.err, so every later cell failed with a
 * bare NullPointerException), so after each statement a null one is put back, with a note.
 */
public final class StandardStreams {
    private static volatile PrintStream out;
    private static volatile PrintStream err;
    private static volatile InputStream in;

    private StandardStreams() {}

    /** Sets the three and remembers them (once, at the kernel's start). */
    public static void install(PrintStream kernelOut, PrintStream kernelErr, InputStream kernelIn) {
        out = kernelOut;
        err = kernelErr;
        in = kernelIn;
        System.setOut(kernelOut);
        System.setErr(kernelErr);
        System.setIn(kernelIn);
    }

    /** Puts back any the last statement set to null (nothing outside a kernel: none installed). */
    static void restoreNulls() {
        if (err == null) {
            return;
        }
        if (System.err == null) { // first: the notes below go to it
            System.setErr(err);
            noteRestored("System.err");
        }
        if (System.out == null) {
            System.setOut(out);
            noteRestored("System.out");
        }
        if (System.in == null) {
            System.setIn(in);
            noteRestored("System.in");
        }
    }

    private static void noteRestored(String name) {
        System.err.println("[" + name + " was set to null: the kernel put its own back, "
                + "which it needs to compile, print and read input for the cells]");
    }
}
