package dev.jautograd.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

/**
 * The expression {@link JShellSession#start} evaluates to warm JShell's compile path is not the
 * notebook's: a fresh session has no variable but its imports, and the first value a cell makes
 * is {@code $1}, as in the jshell tool.
 */
class SessionWarmupTest {
    @Test
    void warmUpLeavesNoTrace() {
        try (var session = JShellSession.start()) {
            var shell = session.shell();
            assertEquals(0, shell.variables().filter(v -> shell.status(v).isActive()).count(),
                    "a fresh session has no variables");
            assertTrue(shell.snippets().filter(s -> shell.status(s).isActive())
                            .allMatch(s -> s.kind() == Snippet.Kind.IMPORT),
                    "only the start-up imports are active");
            assertTrue(session.tensorVariables().isEmpty());

            var first = session.execute("6 * 7;\n$1", 1);
            assertNull(first.error(), () -> "unexpected error: " + first.error());
            assertEquals("42", first.valueText(), "the cell's first temporary is $1");
            var second = session.execute("2 + 3;\n$2 + 0", 2);
            assertNull(second.error(), () -> "unexpected error: " + second.error());
            assertEquals("5", second.valueText(), "numbering goes on from cell to cell");
        }
    }
}
