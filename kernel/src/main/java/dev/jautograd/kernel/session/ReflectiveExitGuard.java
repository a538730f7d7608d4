package dev.jautograd.kernel.session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Stands in for the reflective calls a cell could use to reach {@code System.exit},
 * {@code Runtime.exit} or {@code Runtime.halt}: those are refused with
 * {@link KernelExitRefused}, anything else is passed on unchanged. Public because rewritten
 * snippet classes call it ({@link ExitCallRewriter}).
 *
 * <p>{@code Method.invoke} checks access against its caller, which is now this class: for the
 * public members cells reflect on, and for the snippets' own members (made public, see
 * {@link AccessWidener}), that changes nothing.
 */
public final class ReflectiveExitGuard {
    private ReflectiveExitGuard() {
    }

    /** Stands in for {@code method.invoke(target, args)}. */
    public static Object invoke(Method method, Object target, Object[] args)
            throws IllegalAccessException, InvocationTargetException {
        refuse(method.getDeclaringClass(), method.getName(), args);
        return method.invoke(target, args);
    }

    /** Stands in for {@code lookup.findStatic(type, name, methodType)}. */
    public static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> type, String name, MethodType methodType)
            throws NoSuchMethodException, IllegalAccessException {
        refuse(type, name, null);
        return lookup.findStatic(type, name, methodType);
    }

    /** Stands in for {@code lookup.findVirtual(type, name, methodType)}. */
    public static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> type, String name, MethodType methodType)
            throws NoSuchMethodException, IllegalAccessException {
        refuse(type, name, null);
        return lookup.findVirtual(type, name, methodType);
    }

    /** Stands in for {@code lookup.unreflect(method)}. */
    public static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method) throws IllegalAccessException {
        refuse(method.getDeclaringClass(), method.getName(), null);
        return lookup.unreflect(method);
    }

    private static void refuse(Class<?> type, String name, Object[] args) {
        boolean exits = type == System.class && name.equals("exit")
                || type == Runtime.class && (name.equals("exit") || name.equals("halt"));
        if (exits) {
            String status = args != null && args.length == 1 ? String.valueOf(args[0]) : "…";
            throw new KernelExitRefused(type.getSimpleName() + "." + name + "(" + status + ") through reflection");
        }
    }
}
