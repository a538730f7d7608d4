package dev.jautograd.kernel.session;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * Lets go of what a finished cell leaves in JShell that no later cell can use, so a session of
 * thousands of cells holds only what its live declarations need.
 *
 * <p>A cell's statements and expressions, and the {@code $N} variable that held its value, have
 * run and been shown; nothing can name them again. JShell keeps them active, though, and
 * recompiles each one whenever a variable it mentions is redefined: the cost of a cell grew with
 * the number of cells before it. Dropping them (public API) ends that. The wrapper classes of
 * dropped, overwritten and recompiled snippets are then erased from JShell's tables
 * ({@link JShellInternals}) and from the class registry ({@link SnippetClassLoading}), so the
 * classes unload and the values in their static fields are freed.
 */
final class CellHistory {
    private static final Logger LOG = Logger.getLogger(CellHistory.class.getName());
    /** How often javac's reused contexts are dropped: bounds their growth to about 1 MB. */
    static final int CELLS_PER_COMPILER_RENEWAL = 100;

    private final JShell shell;
    private final JShellInternals internals;
    private final SnippetClassLoading classes;
    private final VariableFields variables;
    private long cells;

    CellHistory(JShell shell, JShellInternals internals, SnippetClassLoading classes, VariableFields variables) {
        this.shell = shell;
        this.internals = internals;
        this.classes = classes;
        this.variables = variables;
    }

    /** Called between cells, with the snippets the cell created (in order). */
    void cellFinished(List<Snippet> cellSnippets) {
        try {
            retire(cellSnippets);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not retire the snippets of a finished cell", e);
        }
    }

    private void retire(List<Snippet> cellSnippets) {
        for (var snippet : cellSnippets) {
            if (isOneOff(snippet) && shell.status(snippet).isActive()) {
                variables.update(shell.drop(snippet));
            }
        }
        Set<String> live = liveWrappers();
        if (!internals.works()) {
            return; // without a trustworthy list of live classes, forgetting any would be unsafe
        }
        internals.trim(live);
        classes.forget(name -> JShellInternals.isRetired(name, live));
        if (++cells % CELLS_PER_COMPILER_RENEWAL == 0) {
            internals.renewCompilers();
        }
    }

    /**
     * javac's reused context keeps a class-writing failure (a string constant too long for the
     * constant pool) and repeats it on every later compile: start afresh.
     */
    void renewCompilers() {
        internals.renewCompilers();
    }

    private Set<String> liveWrappers() {
        var live = new HashSet<String>();
        shell.snippets().filter(s -> shell.status(s).isActive()).forEach(s -> {
            String wrapper = internals.wrapperClassOf(s);
            if (wrapper != null) {
                live.add(wrapper);
            }
        });
        return live;
    }

    /** Statements, expressions and the {@code $N} variables holding a cell's value: never named again. */
    static boolean isOneOff(Snippet snippet) {
        return !snippet.kind().isPersistent() || snippet instanceof VarSnippet v && v.name().startsWith("$");
    }
}
