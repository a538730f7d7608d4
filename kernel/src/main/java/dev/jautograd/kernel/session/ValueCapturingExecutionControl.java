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
    private final Map<String, Throwable> valueFailures = new ConcurrentHashMap<>();
    private final SnippetClassLoading classes;
    /** Set when the kernel stops the running statement: a ThreadDeath then is an interrupt. */
    private volatile boolean stopRequested;

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
        Timing.mark("to-invoke");
        try {
            return super.invoke(className, methodName);
        } finally {
            RunGroups.detachFinished(RUN_GROUP_NAME);
            Timing.mark("run");
        }
    }

    /**
     * Each statement runs through {@link GradModeCarry}, so grad mode carries to the next one, on
     * a thread of its own ({@link CellThreads}), so the threads it starts report their failures.
     */
    @Override
    protected String invoke(java.lang.reflect.Method doitMethod) throws Exception {
        stopRequested = false;
        try {
            return super.invoke(CellThreads.trampoline(GradModeCarry.trampoline(doitMethod)));
        } catch (StoppedException e) {
            var death = CellThreads.takeDeath();
            if (stopRequested || death == null) {
                throw e;
            }
            // Thread.currentThread().stop() (JDK 17) or throw new ThreadDeath(): JShell takes either
            // for its own stop and shows nothing; it is the cell's error.
            throw new UserException("the cell's own code ended its thread (Thread.stop(), or a ThreadDeath it threw)",
                    ThreadDeath.class.getName(), death.getStackTrace());
        }
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        stopRequested = true;
        super.stop();
    }

    /**
     * As JShell's own, but remembers the object, and what its {@code toString()} threw: JShell
     * would show that as the value ({@code [toString boom]}), and the cell would pass.
     */
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
        try {
            clientCodeEnter();
            return valueString(value);
        } catch (Throwable failure) {
            valueFailures.put(varName, failure);
            return throwConvertedInvocationException(failure);
        } finally {
            clientCodeLeave();
        }
    }

    /** The object last read for {@code varName} and forgets it; {@code null} if none was read. */
    Object takeValue(String varName) {
        var value = lastValues.remove(varName);
        return value == NullValue.INSTANCE ? null : value;
    }

    /** What showing {@code varName}'s value threw, once; null if it was shown. */
    Throwable takeValueFailure(String varName) {
        return valueFailures.remove(varName);
    }

    /** Drops remembered values, so a cell's objects are not kept alive by this map. */
    void forgetValues() {
        lastValues.clear();
        valueFailures.clear();
    }

    /** ConcurrentHashMap holds no nulls; a Java {@code null} result is still a result. */
    private enum NullValue { INSTANCE }
}
