package dev.jautograd.kernel.session;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;

/**
 * Releases the value of a variable a newer snippet replaced.
 *
 * <p>JShell keeps a variable in a static field of its snippet's wrapper class
 * ({@code REPL.$JShell$12.big}), and the local engine's class loader keeps every class it ever
 * loaded. Redeclaring {@code var big = Torch.randn(1000, 1000);} therefore leaves each earlier
 * tensor reachable from an old class: a notebook re-run a few hundred times runs out of heap.
 * When a newly loaded wrapper declares a field of the same name, the older wrapper's field is
 * set to null once the new snippet has run; nothing can read it anymore (JShell recompiles the
 * snippets that referred to it against the new class).
 */
final class ReplacedVariables {
    private static final Logger LOG = Logger.getLogger(ReplacedVariables.class.getName());
    private static final String WRAPPER_PREFIX = "REPL.$JShell$";

    private final Map<String, Field> current = new HashMap<>();
    private final List<Field> replaced = new ArrayList<>();

    /** Records the variables the new wrapper classes declare; marks older holders of those names. */
    synchronized void loaded(Function<String, Class<?>> classes, ClassBytecodes[] loaded) {
        for (var bytecodes : loaded) {
            String name = bytecodes.name();
            // Nested classes of a snippet (a cell's own class Foo) hold user statics, not variables.
            if (!name.startsWith(WRAPPER_PREFIX) || name.indexOf('$', WRAPPER_PREFIX.length()) >= 0) {
                continue;
            }
            Class<?> wrapper = classes.apply(name);
            if (wrapper != null) {
                record(wrapper);
            }
        }
    }

    private void record(Class<?> wrapper) {
        for (var field : wrapper.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers) || field.getType().isPrimitive()) {
                continue;
            }
            var older = current.put(field.getName(), field);
            if (older != null && older.getDeclaringClass() != wrapper) {
                replaced.add(older);
            }
        }
    }

    /** Sets the fields of replaced variables to null. */
    synchronized void releaseReplaced() {
        for (var field : replaced) {
            try {
                field.setAccessible(true);
                field.set(null, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, "could not release " + field, e);
            }
        }
        replaced.clear();
    }
}
