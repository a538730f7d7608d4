package dev.jautograd.kernel.session;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process engine, plus a memory of the last value object read per variable.
 *
 * <p>{@link LocalExecutionControl} is the engine that can stop a tight {@code while (true) {}}
 * (Thread.stop on JDK 17, injected stop checks on JDK 21+), whereas a bare
 * {@code DirectExecutionControl} cannot. Both turn every result into a String before JShell
 * sees it, so the object a Jupyter kernel wants to render is lost. JShell reads the value of a
 * variable (a declared one or a temporary {@code $N} holding an expression's value) through
 * {@link #varValue}; capturing the object there gives the kernel the real result. Snippet
 * classes are rewritten and defined by {@link SnippetClassLoading}, so calls that would end the
 * JVM throw instead and retired classes can unload.
 */
public final class ValueCapturingExecutionControl extends LocalExecutionControl {
    /** The name LocalExecutionControl gives the ThreadGroup each snippet runs in. */
    private static final String RUN_GROUP_NAME = "JShell process local execution";

    private final Map<String, Object> lastValues = new ConcurrentHashMap<>();
    private final SnippetClassLoading classes;

    ValueCapturingExecutionControl(SnippetClassLoading classes) {
        super(classes);
        this.classes = classes;
        GradModeCarry.reset();
        // As JShell's own delegate does: code in cells that asks the context loader finds their classes.
        Thread.currentThread().setContextClassLoader(classes.contextLoader());
    }

    SnippetClassLoading classes() {
        return classes;
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        try {
            return super.invoke(className, methodName);
        } finally {
            RunGroups.detachFinished(RUN_GROUP_NAME);
        }
    }

    /** Each statement runs through {@link GradModeCarry}, so grad mode carries to the next one. */
    @Override
    protected String invoke(java.lang.reflect.Method doitMethod) throws Exception {
        return super.invoke(GradModeCarry.trampoline(doitMethod));
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        Object value;
        try {
            var field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            value = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new InternalException(e.toString());
        }
        lastValues.put(varName, value == null ? NullValue.INSTANCE : value);
        return super.varValue(className, varName);
    }

    /** The object last read for {@code varName} and forgets it; {@code null} if none was read. */
    Object takeValue(String varName) {
        var value = lastValues.remove(varName);
        return value == NullValue.INSTANCE ? null : value;
    }

    /** Drops remembered values, so a cell's objects are not kept alive by this map. */
    void forgetValues() {
        lastValues.clear();
    }

    /** ConcurrentHashMap holds no nulls; a Java {@code null} result is still a result. */
    private enum NullValue { INSTANCE }
}
