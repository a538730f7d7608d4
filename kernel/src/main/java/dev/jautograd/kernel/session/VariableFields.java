package dev.jautograd.kernel.session;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * The static field each notebook variable lives in, kept right as JShell moves variables
 * between classes.
 *
 * <p>JShell stores {@code var nine = sq(3);} in a static field of the snippet's wrapper class.
 * When {@code sq} is redefined, JShell recompiles that snippet and asks the engine to redefine
 * its class; JShell's remote engine (JDI) keeps the field's value, but an in-process engine
 * cannot redefine classes, so JShell loads a new wrapper class whose field starts at 0:
 * {@code nine} would silently read 0. Here the value is carried over to the new field, as the
 * {@code jshell} tool shows it. And when a variable is overwritten ({@code var big = ...} again)
 * or dropped, its old field is cleared at once, so the value it held (a large tensor, say) is
 * freed even while something still keeps the old class loaded.
 */
final class VariableFields {
    private static final Logger LOG = Logger.getLogger(VariableFields.class.getName());

    private final JShellInternals internals;
    private final SnippetClassLoading classes;
    private final Map<VarSnippet, Field> fields = new HashMap<>();

    VariableFields(JShellInternals internals, SnippetClassLoading classes) {
        this.internals = internals;
        this.classes = classes;
    }

    /**
     * Called with the events of every eval or drop, after the snippet ran; returns the variables
     * whose value could not follow them to their new class (the jshell tool says "reset to null").
     */
    List<String> update(List<SnippetEvent> events) {
        var reset = new ArrayList<String>();
        for (var event : events) {
            if (event.snippet() instanceof VarSnippet variable) {
                if (!event.status().isActive()) {
                    release(variable);
                } else if (!track(variable)) {
                    reset.add(variable.name());
                }
            }
        }
        return reset;
    }

    /** False when the variable moved to a new class and its value could not come along. */
    private boolean track(VarSnippet variable) {
        Field now = fieldOf(variable);
        if (now == null) {
            return true;
        }
        Field before = fields.put(variable, now);
        if (before != null && before.getDeclaringClass() != now.getDeclaringClass()) {
            boolean carried = carryOver(before, now);
            clearUnlessInUse(before);
            return carried;
        }
        return true;
    }

    private void release(VarSnippet variable) {
        Field before = fields.remove(variable);
        if (before != null) {
            clearUnlessInUse(before);
        }
    }

    /**
     * A declaration entered again with the same source compiles to the same class, which JShell
     * then reuses: the overwritten snippet and its successor share one field.
     */
    private void clearUnlessInUse(Field field) {
        if (!fields.containsValue(field)) {
            clear(field);
        }
    }

    /** The field {@code variable} lives in, if it can be set to null (a reference type); else null. */
    Field nullableField(VarSnippet variable) {
        Field field = fieldOf(variable);
        return field == null || field.getType().isPrimitive() || Modifier.isFinal(field.getModifiers()) ? null : field;
    }

    private Field fieldOf(VarSnippet variable) {
        String wrapper = internals.wrapperClassOf(variable);
        if (wrapper == null) {
            return null;
        }
        try {
            Field field = classes.findClass(wrapper).getDeclaredField(variable.name());
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // not loaded: the snippet is waiting for a declaration it refers to
        }
    }

    private static boolean carryOver(Field from, Field to) {
        try {
            to.set(null, from.get(null));
            return true;
        } catch (IllegalAccessException | IllegalArgumentException e) {
            // The type changed (a class it holds was redefined): the value cannot follow, as in jshell.
            LOG.log(Level.FINE, "cannot carry " + from + " over to " + to, e);
            return false;
        }
    }

    private static void clear(Field field) {
        if (field.getType().isPrimitive() || Modifier.isFinal(field.getModifiers())) {
            return;
        }
        try {
            field.set(null, null);
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "could not clear " + field, e);
        }
    }
}
