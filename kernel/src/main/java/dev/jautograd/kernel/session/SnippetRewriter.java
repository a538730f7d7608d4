package dev.jautograd.kernel.session;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * Every change the kernel makes to a snippet class, in one pass: one read, one write. The exit
 * calls are guarded ({@link ExitCallRewriter}) and access is widened ({@link AccessWidener}).
 *
 * <p>ASM reads only the class-file versions it was built for: on a newer JDK it refuses every
 * class ({@code Unsupported class file major version 70} from ASM 9.8 on JDK 26).
 * {@link #rewrite} says so with {@link UnreadableClassFile}, and {@link SnippetClassLoading}
 * then loads the snippet as javac wrote it, with a warning, rather than failing every cell.
 */
final class SnippetRewriter {
    /**
     * How ASM's message for a class-file version newer than it knows begins: "Unsupported class
     * file major version 70" up to 9.8, "Unsupported class file version 70.0" in 9.11.
     */
    private static final String UNSUPPORTED = "Unsupported class file";

    /** The class file's version is newer than this ASM reads; the bytes were not changed. */
    static final class UnreadableClassFile extends Exception {
        UnreadableClassFile(String message) {
            super(message, null, false, false);
        }
    }

    private SnippetRewriter() {
    }

    /** The class with exit calls guarded and access widened. */
    static byte[] rewrite(byte[] classFile) throws UnreadableClassFile {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith(UNSUPPORTED)) {
                throw new UnreadableClassFile(e.getMessage());
            }
            throw e;
        }
        // The reader's constant pool is copied; no change needs frames or maxima recomputed.
        var writer = new ClassWriter(reader, 0);
        reader.accept(ExitCallRewriter.guarding(AccessWidener.widening(writer)), 0);
        return writer.toByteArray();
    }

    /** The class-file major version (bytes 6 and 7). */
    static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }
}
