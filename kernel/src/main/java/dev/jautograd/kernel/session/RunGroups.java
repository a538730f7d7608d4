package dev.jautograd.kernel.session;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets go of the ThreadGroups JDK 17's JShell engine leaves behind.
 *
 * <p>JDK 17's engine runs each snippet in a new ThreadGroup and never releases it, and a JDK 17
 * group keeps every subgroup strongly: one leaked group per snippet run (from JDK 19 a group
 * holds its subgroups weakly). Destroying a finished group is not safe: a thread made in it but
 * started later ({@code var t = new Thread(...);} then {@code t.start()} in another cell), or a
 * thread pool whose factory remembers it, could never start a thread there again. So a finished
 * group is only taken out of its parent's list (JDK 17's private {@code ThreadGroup.remove}),
 * not destroyed: it stays usable, and is collected once nothing refers to it. Where that method
 * cannot be reached, groups are kept (a few hundred bytes per statement).
 */
final class RunGroups {
    private static final Logger LOG = Logger.getLogger(RunGroups.class.getName());
    private static final Method REMOVE = removeMethod();

    private RunGroups() {}

    /** Detaches the finished groups named {@code name} from the current thread's group. */
    static void detachFinished(String name) {
        if (REMOVE == null) return;
        var parent = Thread.currentThread().getThreadGroup();
        var groups = new ThreadGroup[parent.activeGroupCount() + 8];
        int count = parent.enumerate(groups, false);
        for (int i = 0; i < count; i++) {
            var group = groups[i];
            if (name.equals(group.getName()) && group.activeCount() == 0) {
                try {
                    REMOVE.invoke(parent, group);
                } catch (ReflectiveOperationException e) {
                    return;
                }
            }
        }
    }

    /** JDK 17's private ThreadGroup.remove(ThreadGroup); null on JDK 19+, where nothing leaks. */
    private static Method removeMethod() {
        if (Runtime.version().feature() >= 19) return null;
        try {
            Method remove = ThreadGroup.class.getDeclaredMethod("remove", ThreadGroup.class);
            remove.setAccessible(true);
            return remove;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot reach ThreadGroup.remove ({0}); JShell's finished thread groups "
                    + "are kept (a few hundred bytes per statement)", e.toString());
            return null;
        }
    }
}
