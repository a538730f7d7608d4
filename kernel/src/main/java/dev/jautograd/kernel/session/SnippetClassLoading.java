package dev.jautograd.kernel.session;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Logger;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Where snippet classes live: one small class loader per batch JShell loads, so that the classes
 * of retired snippets can be unloaded.
 *
 * <p>JShell's own delegate defines every wrapper class in a single loader that lives as long as
 * the session, so every class ever compiled stays: a notebook that redefines {@code big} a few
 * thousand times keeps tens of thousands of classes and their static fields. Here a class is
 * found through a registry of the classes JShell still uses; {@link #forget} takes a class out of
 * it, and once nothing else refers to that class's loader, the next full GC unloads the class
 * and frees whatever its static fields held.
 *
 * <p>Each class is rewritten on its way in ({@link SnippetRewriter}). If ASM cannot read this
 * JDK's class files, snippets load as compiled, all into one loader, with one warning (the
 * kernel log, and the next cell's stderr): the kernel keeps working with its exit guard and
 * unloading off, rather than failing every cell.
 */
final class SnippetClassLoading implements LoaderDelegate {
    private static final Logger LOG = Logger.getLogger(SnippetClassLoading.class.getName());
    static final String USER_WARNING = "Warning: this JDK's class files are newer than the kernel's bytecode library "
            + "(ASM) reads, so cells run as compiled: System.exit, Runtime.halt and their reflective forms in a cell "
            + "are not guarded and end the kernel, and classes of replaced definitions are not unloaded. A kernel "
            + "built with a newer ASM restores both.\n";

    private final ClasspathLoader classpath = new ClasspathLoader(ClassLoader.getSystemClassLoader());
    /** Every class JShell may still ask for, by binary name, mapped to the loader defining it. */
    private final Map<String, BatchLoader> owners = new ConcurrentHashMap<>();
    /** Cells see this loader as the thread's context loader, as with JShell's own delegate. */
    private final ClassLoader front = new RegistryLoader(owners, classpath);
    private final Rewriter rewriter;
    /** Where snippets go once ASM cannot read them; null while it can. */
    private BatchLoader unrewritten;
    private boolean warned;
    private final AtomicReference<String> pendingWarning = new AtomicReference<>();

    /** Rewrites one class file; a test can hand ASM a class file from a newer JDK. */
    interface Rewriter {
        byte[] rewrite(byte[] classFile) throws SnippetRewriter.UnreadableClassFile;
    }

    SnippetClassLoading() {
        this(SnippetRewriter::rewrite);
    }

    SnippetClassLoading(Rewriter rewriter) {
        this.rewriter = rewriter;
    }

    ClassLoader contextLoader() {
        return front;
    }

    @Override
    public void load(ClassBytecodes[] batch) throws ClassInstallException {
        Timing.mark("javac");
        var bytes = rewritten(batch);
        Timing.mark("rewrite");
        var loader = bytes != null ? new BatchLoader(bytes, owners, classpath) : unrewrittenLoader(batch);
        boolean[] loaded = new boolean[batch.length];
        try {
            for (var cbc : batch) {
                owners.put(cbc.name(), loader);
            }
            for (int i = 0; i < batch.length; i++) {
                Class<?> type = loader.loadClass(batch[i].name());
                loaded[i] = true;
                type.getDeclaredMethods(); // links the class now, so errors surface at load, as in JShell
            }
            Timing.mark("define");
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e.getMessage(), loaded);
        }
    }

    /** The batch's classes rewritten ({@link SnippetRewriter}), or null if ASM cannot read them. */
    private Map<String, byte[]> rewritten(ClassBytecodes[] batch) throws ClassInstallException {
        var bytes = new HashMap<String, byte[]>();
        try {
            for (var cbc : batch) {
                bytes.put(cbc.name(), rewriter.rewrite(cbc.bytecodes()));
            }
            return bytes;
        } catch (SnippetRewriter.UnreadableClassFile e) {
            warnOnce(e.getMessage());
            return null;
        } catch (RuntimeException e) {
            throw new ClassInstallException("rewrite: " + e, new boolean[batch.length]);
        }
    }

    /**
     * Unwidened classes in two loaders could not reach each other's package-private members, so
     * every unrewritten batch goes into one loader; it never unloads.
     */
    private synchronized BatchLoader unrewrittenLoader(ClassBytecodes[] batch) {
        if (unrewritten == null) {
            unrewritten = new BatchLoader(Map.of(), owners, classpath);
        }
        var bytes = new HashMap<String, byte[]>();
        for (var cbc : batch) {
            bytes.put(cbc.name(), cbc.bytecodes());
        }
        unrewritten.add(bytes);
        return unrewritten;
    }

    private synchronized void warnOnce(String asmMessage) {
        if (warned) {
            return;
        }
        warned = true;
        LOG.warning("cannot rewrite snippet classes (ASM: " + asmMessage + "); loading them as compiled: "
                + "the exit guard and the unloading of replaced snippets are off");
        pendingWarning.set(USER_WARNING);
    }

    /** The warning for the user, once: the next cell prints it to its stderr. */
    String takeWarning() {
        return pendingWarning.getAndSet(null);
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        // The local engine cannot redefine classes; JShell compiles a changed snippet to a new class name.
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        try {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                classpath.addURL(Path.of(entry).toUri().toURL());
            }
        } catch (MalformedURLException | RuntimeException e) {
            throw new InternalException(e.toString());
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return front.loadClass(name);
    }

    /** Takes the classes the predicate names out of the registry, so they can be unloaded. */
    void forget(Predicate<String> retired) {
        owners.keySet().removeIf(retired);
    }

    /** The binary names of the classes still registered; for tests and diagnostics. */
    Set<String> registered() {
        return Set.copyOf(owners.keySet());
    }

    /** Jars added at run time sit between the application class path and the snippets. */
    private static final class ClasspathLoader extends URLClassLoader {
        ClasspathLoader(ClassLoader parent) {
            super(new URL[0], parent);
        }

        @Override
        protected void addURL(URL url) {
            super.addURL(url);
        }
    }

    /**
     * Finds snippet classes through the registry and defines none. Not parallel capable on
     * purpose: such a loader keeps a lock object for every name it was ever asked for.
     */
    private static final class RegistryLoader extends ClassLoader {
        private final Map<String, BatchLoader> owners;

        RegistryLoader(Map<String, BatchLoader> owners, ClassLoader parent) {
            super("jshell-snippets", parent);
            this.owners = owners;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            var owner = owners.get(name);
            return owner != null ? owner.loadClass(name) : getParent().loadClass(name);
        }
    }

    /** Defines one batch's classes; finds the other snippet classes through the registry. */
    private static final class BatchLoader extends ClassLoader {
        static {
            registerAsParallelCapable(); // one lock per class name: two batches may load from each other
        }

        private final Map<String, byte[]> undefined;
        private final Map<String, BatchLoader> owners;

        BatchLoader(Map<String, byte[]> bytes, Map<String, BatchLoader> owners, ClassLoader parent) {
            super("jshell-snippets", parent);
            // A cell's assert checks, as graders expect (it fails the cell with AssertionError);
            // library code keeps the JVM's default, off.
            setDefaultAssertionStatus(true);
            this.undefined = new HashMap<>(bytes);
            this.owners = owners;
        }

        /** More classes to define here (the loader of unrewritten snippets takes every batch). */
        void add(Map<String, byte[]> bytes) {
            synchronized (undefined) {
                undefined.putAll(bytes);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = locate(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        private Class<?> locate(String name) throws ClassNotFoundException {
            byte[] bytes;
            synchronized (undefined) {
                bytes = undefined.remove(name); // defined once; the bytes need not stay
            }
            if (bytes != null) {
                return defineClass(name, bytes, 0, bytes.length);
            }
            var owner = owners.get(name);
            if (owner != null && owner != this) {
                return owner.loadClass(name);
            }
            return getParent().loadClass(name);
        }
    }
}
