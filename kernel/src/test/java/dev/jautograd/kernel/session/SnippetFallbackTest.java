package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/**
 * Fault 9: on a JDK newer than ASM, every snippet load threw. Here ASM is handed each class file
 * with its major version bumped past the newest it reads (as a JDK 26 class file is to ASM 9.8);
 * the snippet then loads as compiled, and the warning comes once.
 */
class SnippetFallbackTest {
    /** Beyond every version this ASM knows. */
    private static final int FUTURE_MAJOR = Opcodes.V28 + 20;
    /** Two snippets of two cells: the second calls a package-private method of the first. */
    private static final Map<String, byte[]> CLASSES = InMemoryJavac.compile(Map.of(
            "REPL.First", "package REPL; class First { static int v() { return 41; } }",
            "REPL.Second", "package REPL; public class Second { public static int w() { return First.v() + 1; } }"));

    private final Logger log = Logger.getLogger(SnippetClassLoading.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(recorder);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(recorder);
    }

    static byte[] withMajorVersion(byte[] classFile, int major) {
        var copy = classFile.clone();
        copy[6] = (byte) (major >> 8);
        copy[7] = (byte) major;
        return copy;
    }

    @Test
    void asmRefusesAClassFileFromTheFuture() {
        byte[] future = withMajorVersion(CLASSES.get("REPL.First"), FUTURE_MAJOR);
        assertEquals(FUTURE_MAJOR, SnippetRewriter.majorVersion(future));
        var refused = assertThrows(SnippetRewriter.UnreadableClassFile.class, () -> SnippetRewriter.rewrite(future));
        // ASM 9.11 says "Unsupported class file version 92.0"; up to 9.8, "... major version 92".
        assertTrue(refused.getMessage().startsWith("Unsupported class file"), refused.getMessage());
        assertTrue(refused.getMessage().contains(" " + FUTURE_MAJOR), refused.getMessage());
    }

    @Test
    void unreadableSnippetsLoadAsCompiledWithOneWarning() throws Exception {
        var loading = new SnippetClassLoading(bytes -> SnippetRewriter.rewrite(withMajorVersion(bytes, FUTURE_MAJOR)));
        loading.load(batch("REPL.First"));
        loading.load(batch("REPL.Second"));

        Class<?> first = loading.findClass("REPL.First");
        assertFalse(Modifier.isPublic(first.getModifiers()), "unrewritten: access not widened");
        // Across two loads (two cells), package access holds: the unrewritten classes share a loader.
        assertEquals(42, loading.findClass("REPL.Second").getMethod("w").invoke(null));

        var warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size(), records::toString);
        assertTrue(warnings.get(0).getMessage().contains("Unsupported class file version " + FUTURE_MAJOR),
                warnings.get(0).getMessage());
        assertEquals(SnippetClassLoading.USER_WARNING, loading.takeWarning());
        assertNull(loading.takeWarning(), "the user is told once");
    }

    @Test
    void readableSnippetsAreRewrittenAndWarnNothing() throws Exception {
        var loading = new SnippetClassLoading();
        loading.load(batch("REPL.First"));
        loading.load(batch("REPL.Second"));
        assertTrue(Modifier.isPublic(loading.findClass("REPL.First").getModifiers()), "widened");
        assertEquals(42, loading.findClass("REPL.Second").getMethod("w").invoke(null));
        assertTrue(records.isEmpty(), records::toString);
        assertNull(loading.takeWarning());
    }

    private static ClassBytecodes[] batch(String name) {
        return new ClassBytecodes[] {new ClassBytecodes(name, CLASSES.get(name))};
    }
}
