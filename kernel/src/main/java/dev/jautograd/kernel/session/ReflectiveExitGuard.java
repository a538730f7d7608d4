package dev.jautograd.kernel.session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

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
    private static final Set<String> REFLECTIVE_LOOKUPS =
            Set.of("findStatic", "findVirtual", "findSpecial", "bind", "unreflect", "unreflectSpecial");

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

    /** Stands in for {@code lookup.findSpecial(type, name, methodType, caller)}. */
    public static MethodHandle findSpecial(MethodHandles.Lookup lookup, Class<?> type, String name, MethodType methodType,
                                           Class<?> caller) throws NoSuchMethodException, IllegalAccessException {
        refuse(type, name, null);
        return lookup.findSpecial(type, name, methodType, caller);
    }

    /** Stands in for {@code lookup.bind(receiver, name, methodType)}. */
    public static MethodHandle bind(MethodHandles.Lookup lookup, Object receiver, String name, MethodType methodType)
            throws NoSuchMethodException, IllegalAccessException {
        refuse(receiver.getClass(), name, null);
        return lookup.bind(receiver, name, methodType);
    }

    /** Stands in for {@code lookup.unreflectSpecial(method, caller)}. */
    public static MethodHandle unreflectSpecial(MethodHandles.Lookup lookup, Method method, Class<?> caller)
            throws IllegalAccessException {
        refuse(method.getDeclaringClass(), method.getName(), null);
        return lookup.unreflectSpecial(method, caller);
    }

    /**
     * The exit methods, and the reflective entry points themselves: a handle to
     * {@code Method.invoke} or to {@code Lookup.findStatic}, called through
     * {@code MethodHandle.invoke}, would reach {@code System.exit} without passing a guard.
     */
    private static void refuse(Class<?> type, String name, Object[] args) {
        boolean exits = type == System.class && name.equals("exit")
                || Runtime.class.isAssignableFrom(type) && (name.equals("exit") || name.equals("halt"));
        if (exits) {
            String status = args != null && args.length == 1 ? String.valueOf(args[0]) : "…";
            throw new KernelExitRefused(type.getSimpleName() + "." + name + "(" + status + ") through reflection");
        }
        if (type == System.class && name.equals("setSecurityManager")) {
            throw SecurityManagerGuard.refusal();
        }
        boolean reflective = type == Method.class && name.equals("invoke")
                || type == MethodHandles.Lookup.class && REFLECTIVE_LOOKUPS.contains(name);
        if (reflective) {
            throw new KernelExitRefused(type.getSimpleName() + "." + name + " through a method handle or reflection");
        }
    }
}
