package dev.jautograd.kernel.session;

import dev.jautograd.autograd.GradMode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Keeps {@code Torch.setGradEnabled(false)} in force from one statement and cell to the next.
 *
 * <p>Grad mode is thread-local, as in PyTorch, and JShell runs each statement on a new thread,
 * so a mode set in one statement would be lost at its end. A notebook is one session, as a
 * Python kernel's main thread is: each statement runs through {@link #run}, which starts it in
 * the mode the previous one left and records the mode it leaves. {@code noGrad()} scopes are
 * unaffected: they restore the previous mode when closed, inside the statement.
 */
public final class GradModeCarry {
    private static volatile boolean enabled = true;
    private static volatile Method statement;

    private GradModeCarry() {}

    /** The trampoline JShell invokes instead of the statement's own method; same result or exception. */
    static Method trampoline(Method doit) {
        statement = doit;
        try {
            return GradModeCarry.class.getDeclaredMethod("run");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Public for reflection only: runs the pending statement on the current (snippet) thread. */
    public static Object run() throws Throwable {
        Method doit = statement;
        try (var ignored = GradMode.set(enabled)) {
            try {
                return doit.invoke(null);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                enabled = GradMode.isEnabled();
            }
        }
    }

    /** A new session starts with grad enabled. */
    static void reset() {
        enabled = true;
    }
}
