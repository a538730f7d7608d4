package dev.jautograd.kernel.session;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The records JShell keeps of every snippet it ever compiled, trimmed to the snippets still in
 * use, and its completion index held back until it is needed. The only class that reaches into
 * {@code jdk.jshell} by reflection.
 *
 * <p>JShell never forgets: each compiled wrapper class keeps its generated source (every import
 * line of the session included), its class file twice, and javac's view of it, and each snippet
 * object stays in its tables after it was overwritten or dropped. Redefining a variable that 25
 * others depend on recompiles all 25, so a long notebook grew by megabytes per cell and every
 * compile slowed down as javac listed the ever-growing package of snippet classes. JShell has no
 * API to let go of a retired snippet; this class edits those tables (and renews javac's reused
 * contexts), and the kernel's manifest opens the two packages ({@code Add-Opens}). On a JDK whose internals differ, it logs once and
 * stops trimming: the kernel then works as before, only with a growing heap.
 */
final class JShellInternals {
    private static final Logger LOG = Logger.getLogger(JShellInternals.class.getName());
    static final String WRAPPER_PREFIX = "REPL.$JShell$";

    private final JShell shell;
    private boolean broken;
    private Method classFullName;

    JShellInternals(JShell shell) {
        this.shell = shell;
    }

    /** Whether the trimming works on this JDK (false after the first reflective failure). */
    boolean works() {
        return !broken;
    }

    /**
     * The wrapper class a snippet runs in, e.g. {@code REPL.$JShell$22BX}; null if it has none
     * (an import, a snippet that never compiled) or if this JDK's internals differ.
     */
    String wrapperClassOf(Snippet snippet) {
        if (broken) {
            return null;
        }
        try {
            if (classFullName == null) {
                classFullName = method(Snippet.class, "classFullName");
            }
            return (String) classFullName.invoke(snippet);
        } catch (InvocationTargetException e) {
            return null; // no wrapper yet: JShell's getter fails on the missing outer class
        } catch (ReflectiveOperationException | RuntimeException e) {
            fail(e);
            return null;
        }
    }

    /** The top-level wrapper of a binary class name ({@code REPL.$JShell$19Z$Holder} → {@code REPL.$JShell$19Z}). */
    static String wrapperOf(String binaryName) {
        if (!binaryName.startsWith(WRAPPER_PREFIX)) {
            return binaryName;
        }
        int nested = binaryName.indexOf('$', WRAPPER_PREFIX.length());
        return nested < 0 ? binaryName : binaryName.substring(0, nested);
    }

    /**
     * Whether a class belongs to a retired snippet. Only snippet wrappers and their nested classes
     * retire; others in the package (JDK 21+'s {@code REPL.$Cancel$}, which the engine's stop
     * checks call) stay.
     */
    static boolean isRetired(String binaryName, Set<String> liveWrappers) {
        return binaryName.startsWith(WRAPPER_PREFIX) && !liveWrappers.contains(wrapperOf(binaryName));
    }

    /**
     * Forgets every wrapper class outside {@code liveWrappers} (binary names) and every snippet
     * that is neither active nor a declaration some key still points to.
     */
    void trim(Set<String> liveWrappers) {
        if (broken) {
            return;
        }
        try {
            Object outerMap = field(shell, "outerMap");
            map(outerMap, "classOuters").keySet().removeIf(name -> !liveWrappers.contains("REPL." + name));
            Object classTracker = field(shell, "classTracker");
            map(classTracker, "map").keySet().removeIf(name -> isRetired((String) name, liveWrappers));
            Object fileManager = field(field(shell, "taskFactory"), "fileManager");
            // javac lists these as the REPL package on every compile: the cause of the slowdown.
            map(fileManager, "classObjects").keySet().removeIf(name -> isRetired((String) name, liveWrappers));
            forgetRetiredSnippets(field(shell, "maps"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            fail(e);
        }
    }

    /**
     * Starts javac afresh on the next compile. JShell reuses a few javac contexts for speed, and
     * each keeps every name it ever saw (each new wrapper class name among them): some 10 KB per
     * cell. A fresh context costs one slower compile (about 40 ms).
     */
    void renewCompilers() {
        if (broken) {
            return;
        }
        try {
            map(field(field(shell, "taskFactory"), "javacTaskPool"), "options2Contexts").clear();
        } catch (ReflectiveOperationException | RuntimeException e) {
            fail(e);
        }
    }

    /**
     * Holds back JShell's completion index until the first completion request. JShell starts it
     * with its analysis: a background walk of every class of the JDK and the class path (some
     * 27,000 names, kept in static maps for good), which only suggests package names and imports.
     * At start it took an idle kernel's heap up by 16 MB and its CPU by ~0.7 s, competing with
     * the kernel's own start on two cores, whether or not a student ever pressed Tab. The walk
     * checks, file by file, a counter JShell raises around every eval; one more raise here keeps
     * it waiting. Returns false (and the index is built as JShell does) if this JDK differs.
     */
    static boolean holdIndexing(SourceCodeAnalysis analysis) {
        try {
            method(analysis.getClass(), "suspendIndexing").invoke(analysis);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot hold back JShell's completion index on this JDK", e);
            return false;
        }
    }

    /** Lets the held index build, in the background. */
    static void releaseIndexing(SourceCodeAnalysis analysis) {
        try {
            method(analysis.getClass(), "resumeIndexing").invoke(analysis);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot release JShell's completion index on this JDK", e);
        }
    }

    /** Waits up to {@code waitMs} for the index (~0.7 s to build on a warm JVM); true if it is built. */
    static boolean awaitIndexing(SourceCodeAnalysis analysis, long waitMs) {
        try {
            Method finished = method(analysis.getClass(), "waitBackgroundTaskFinished");
            var waiter = new Thread(() -> {
                try {
                    finished.invoke(analysis);
                } catch (ReflectiveOperationException e) {
                    // the index is JShell's to finish; the request only stops waiting
                }
            }, "completion-index-wait");
            waiter.setDaemon(true);
            waiter.start();
            waiter.join(waitMs);
            return !waiter.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // nothing to wait for on this JDK
        }
    }

    private void fail(Exception e) {
        broken = true;
        LOG.log(Level.WARNING, "cannot trim JShell's snippet history on this JDK; memory will grow with each cell", e);
    }

    private void forgetRetiredSnippets(Object maps) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        List<Snippet> byKey = (List<Snippet>) field(maps, "keyIndexToSnippet");
        Set<Integer> freedKeys = new HashSet<>();
        Set<Snippet> keyed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int key = 0; key < byKey.size(); key++) {
            var snippet = byKey.get(key);
            if (snippet != null && isRetired(snippet) && CellHistory.isOneOff(snippet)) {
                byKey.set(key, null); // its key (a statement's, or a $N name's) is never used again
                freedKeys.add(key);
            } else if (snippet != null) {
                keyed.add(snippet);
            }
        }
        // Overwritten declarations stay only in this set; the live version sits under its key.
        ((Collection<?>) field(maps, "snippets")).removeIf(s -> isRetired((Snippet) s) && !keyed.contains(s));
        for (Object dependents : map(maps, "dependencies").values()) {
            ((Collection<?>) dependents).removeIf(freedKeys::contains);
        }
        Set<String> activeTemps = new HashSet<>();
        shell.variables().filter(v -> !isRetired(v)).forEach(v -> activeTemps.add(v.name()));
        map(field(shell, "keyMap"), "varMap").keySet()
                .removeIf(name -> ((String) name).startsWith("$") && !activeTemps.contains(name));
    }

    private boolean isRetired(Snippet snippet) {
        return !shell.status(snippet).isActive();
    }

    private static Map<?, ?> map(Object owner, String name) throws ReflectiveOperationException {
        return (Map<?, ?>) field(owner, name);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    private static Method method(Class<?> type, String name) throws ReflectiveOperationException {
        Method method = type.getDeclaredMethod(name);
        method.setAccessible(true);
        return method;
    }
}
