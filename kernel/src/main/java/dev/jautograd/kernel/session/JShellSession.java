package dev.jautograd.kernel.session;

import dev.jautograd.Tensor;
import dev.jautograd.nn.Module;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.Snippet.SubKind;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * A JShell running in this JVM: cells are split into snippets, evaluated in order, and the final
 * expression's real object is handed back for rendering.
 */
public final class JShellSession implements AutoCloseable {
    /** JShell tool's default imports, then the autograd API so cells read like the PyTorch notebook. */
    public static final List<String> STARTUP_IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;",
            "import dev.jautograd.*;", "import static dev.jautograd.Options.*;", "import dev.jautograd.viz.*;",
            "import static dev.jautograd.kernel.Jupyter.*;",
            "import dev.jautograd.plot.*;",
            // nn.Module is named once: java.lang.Module would otherwise make "extends Module" ambiguous.
            "import dev.jautograd.nn.*;", "import dev.jautograd.nn.Module;", "import dev.jautograd.optim.*;",
            // Cells read like PyTorch: tensor(...), randn(10, 1), manualSeed(0), noGrad(), print(...).
            "import static dev.jautograd.Torch.*;", "import static dev.jautograd.kernel.Print.*;");

    private static final long STOP_RETRY_MS = 50;
    /** How long the first completion request waits for JShell's index of package names. */
    private static final long INDEX_WAIT_MS = 3000;
    /** Split and batched at start, not evaluated: a declaration, plain statements, an expression. */
    private static final String WARM_UP_CELL = "int i = 0;\ni += 1;\ni += 2;\ni";

    private final JShell shell;
    private final ValueCapturingExecutionControl control;
    private final CellSplitter splitter;
    private final StatementBatcher batcher = new StatementBatcher();
    private final ErrorFormatter errors;
    private final Definitions definitions;
    private final VariableFields variables;
    private final CellHistory history;
    private final NullAssignments nullAssignments;
    private final ShownValue shown;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    /** Whether JShell's completion index is still held back (see {@link JShellInternals#holdIndexing}). */
    private final AtomicBoolean indexHeld;
    private volatile boolean indexBuilt;
    private final AtomicLong cellNumber = new AtomicLong();
    private volatile boolean running;
    /** The chunk whose value the running cell shows (its last), evaluated through {@link ShownValue}. */
    private CellSplitter.Chunk lastChunk;
    private volatile Map<String, Tensor> lastTensorVariables = Map.of();
    private volatile Map<String, Module> lastModuleVariables = Map.of();

    private JShellSession(JShell shell, ValueCapturingExecutionControl control, Supplier<String> temporaryName) {
        this.shell = shell;
        this.control = control;
        this.splitter = new CellSplitter(shell.sourceCodeAnalysis());
        this.indexHeld = new AtomicBoolean(JShellInternals.holdIndexing(shell.sourceCodeAnalysis()));
        this.definitions = new Definitions(shell);
        this.errors = new ErrorFormatter(shell, definitions);
        var internals = new JShellInternals(shell);
        this.variables = new VariableFields(internals, control.classes());
        this.history = new CellHistory(shell, internals, control.classes(), variables);
        this.nullAssignments = new NullAssignments(shell, variables);
        this.shown = new ShownValue(shell, batcher, variables, temporaryName);
    }

    /** Starts JShell on this JVM's class path and runs {@link #STARTUP_IMPORTS}. */
    public static JShellSession start() {
        var provider = new ValueCapturingProvider();
        var temporaries = new AtomicLong();
        // $1, $2, ... as JShell numbers them, but counted here, so the warm-up's $1 is given back
        // (and a shown value declared by ShownValue is numbered in the same sequence).
        Supplier<String> temporaryName = () -> "$" + temporaries.incrementAndGet();
        var shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .tempVariableNameGenerator(temporaryName)
                // No annotation processors in cells: skipping their discovery makes each compile cheaper.
                // No --class-path: JShell compiles against java.class.path already, and an explicit
                // one would be passed to every compile, hiding what addToClasspath (%maven) adds.
                .compilerOptions("-proc:none")
                .build();
        var session = new JShellSession(shell, provider.control(), temporaryName);
        Timing.startup("JShell built");
        // An import the library does not offer yet (e.g. Options before it lands) must not break startup.
        STARTUP_IMPORTS.forEach(shell::eval);
        Timing.startup("imports evaluated");
        // Expressions take a compile path imports do not; warming it halves the first cell's wait.
        // It leaves no trace: its $1 is dropped and its number given back.
        // A cell's value goes through ShownValue's declaration, so that is the path warmed.
        var created = new ArrayList<Snippet>();
        var events = session.shown.declare("1 + 1", created);
        (events != null ? events : shell.eval("1 + 1")).forEach(event -> created.add(event.snippet()));
        session.history.cellFinished(created);
        temporaries.set(0);
        // The cell path's own parsers (analyzeCompletion, the batcher's javac parse) on their first
        // use cost the first cell 40-150 ms; a split of a typical cell (nothing evaluated) here.
        session.batcher.batch(session.splitter.split(WARM_UP_CELL), WARM_UP_CELL);
        Timing.startup("warm-up evaluated");
        return session;
    }

    /**
     * Runs a cell; {@code executionCount} labels its snippets so later tracebacks into methods
     * defined here can say which cell they came from.
     */
    public CellResult execute(String cell, int executionCount) {
        interrupted.set(false);
        cellNumber.incrementAndGet();
        control.forgetValues();
        String warning = control.classes().takeWarning(); // snippets load unrewritten on this JDK
        if (warning != null) {
            System.err.print(warning);
        }
        running = true;
        var created = new ArrayList<Snippet>();
        try {
            if (!MemoryReserve.room()) { // javac would run out: only a cell freeing the heap runs
                if (!nullAssignments.run(cell)) {
                    return CellResult.failed(MemoryReserve.heapFull(0));
                }
                lastTensorVariables = Map.of(); // nor may the graphs' names keep what was let go
                lastModuleVariables = Map.of();
                return CellResult.nothing();
            }
            int unclosed = CellSplitter.unclosedComment(cell);
            if (unclosed >= 0) { // none of the cell runs, as javac would compile none of it
                return CellResult.failed(ErrorFormatter.compile("unclosed comment", cell, unclosed));
            }
            var chunks = splitter.split(cell);
            Timing.mark("split");
            var batched = batcher.batch(chunks, cell);
            Timing.mark("batch");
            lastChunk = batched.isEmpty() ? null : batched.get(batched.size() - 1);
            return evaluateEach(batched, cell, executionCount, created);
        } finally {
            running = false;
            history.cellFinished(created);
            Timing.mark("retire");
        }
    }

    private CellResult evaluate(CellSplitter.Chunk chunk, String cell, int executionCount, List<Snippet> created) {
        List<SnippetEvent> events = null;
        if (chunk == lastChunk && !chunk.joined()) { // the value the cell shows: fewer javac tasks
            var variable = shown.variable(chunk.source());
            if (variable != null) {
                return read(variable, null);
            }
            events = shown.declare(chunk.source(), created);
        }
        if (events == null) {
            events = shell.eval(chunk.source());
        }
        Timing.mark("eval-rest");
        if (chunk.joined() && !compiled(events, cell, chunk.offset())) {
            return interrupted.get() ? CellResult.failed(ErrorFormatter.interrupted())
                    : evaluateEach(chunk.parts(), cell, executionCount, created);
        }
        // Notes go to System.err, which the kernel routes to the running cell, as jshell prints its feedback.
        variables.update(events).forEach(name -> System.err.print(
                "variable " + name + " was reset to null: its value belongs to a definition that was replaced\n"));
        if (interrupted.get()) {
            return CellResult.failed(ErrorFormatter.interrupted());
        }
        var result = CellResult.nothing();
        for (var event : events) {
            if (event.causeSnippet() != null) {
                String update = definitions.updateNote(event); // an older snippet this one changed
                if (update != null) {
                    System.err.print(update);
                }
                continue;
            }
            created.add(event.snippet());
            errors.remember(event.snippet(), executionCount, cell, chunk.offset());
            var error = errors.failure(event, cell, chunk.offset());
            if (error != null) {
                if (shell.status(event.snippet()).isActive()) {
                    // A snippet javac compiles but cannot turn into a class (code too large) would
                    // be recompiled with, and break, every later cell.
                    variables.update(shell.drop(event.snippet()));
                    history.renewCompilers();
                }
                return CellResult.failed(error);
            }
            String note = definitions.waitingNote(event.snippet(), event.status());
            if (note != null) {
                System.err.print(note);
            }
            result = valueOf(event);
        }
        return result;
    }

    /**
     * Whether a block of joined statements compiled (then it has run). One that did not has run
     * nothing: its statements then go one by one, so a compile error reads as it always has.
     */
    private boolean compiled(List<SnippetEvent> events, String cell, int offset) {
        for (var event : events) {
            if (event.causeSnippet() == null && event.exception() == null
                    && errors.failure(event, cell, offset) != null) {
                if (shell.status(event.snippet()).isActive()) {
                    variables.update(shell.drop(event.snippet()));
                    history.renewCompilers();
                }
                return false;
            }
        }
        return true;
    }

    /** Evaluates chunks in order up to the first that fails; the last one's result is the cell's. */
    private CellResult evaluateEach(List<CellSplitter.Chunk> parts, String cell, int executionCount,
            List<Snippet> created) {
        var result = CellResult.nothing();
        for (var part : parts) {
            if (!MemoryReserve.room()) { // a statement before this one filled the heap
                return CellResult.failed(MemoryReserve.heapFull(lineOf(cell, part.offset())));
            }
            result = evaluate(part, cell, executionCount, created);
            if (result.failed()) {
                break;
            }
        }
        return result;
    }

    private static int lineOf(String cell, int offset) {
        return (int) cell.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Only an expression has a value to show, as in Python, where assignments show nothing. */
    private CellResult valueOf(SnippetEvent event) {
        var snippet = event.snippet();
        if (snippet instanceof VarSnippet temp
                && (snippet.subKind() == SubKind.TEMP_VAR_EXPRESSION_SUBKIND || shown.declared(snippet))) {
            return read(temp, event.value());
        }
        if (snippet instanceof ExpressionSnippet expr && snippet.subKind() == SubKind.VAR_VALUE_SUBKIND) {
            return readVariable(expr.name(), event.value());
        }
        return CellResult.nothing();
    }

    private CellResult readVariable(String name, String text) {
        return shell.variables()
                .filter(v -> v.name().equals(name) && shell.status(v) == Status.VALID)
                .findFirst()
                .map(v -> read(v, text))
                .orElse(CellResult.nothing());
    }

    private CellResult read(VarSnippet variable, String text) {
        String valueText = shell.varValue(variable); // routes through the control, which keeps the object
        Timing.mark("value");
        Object value = control.takeValue(variable.name());
        var failure = control.takeValueFailure(variable.name());
        if (failure != null) {
            return CellResult.failed(errors.runtime(failure)); // its toString() threw, or ran out of heap
        }
        return CellResult.value(value, valueText != null ? valueText : text);
    }

    /**
     * The notebook's variables that hold a tensor, by name in declaration order, so a graph can
     * label its leaves {@code a}, {@code w}. Read only between cells (JShell is not re-entrant);
     * while a cell runs, the names of the last read are returned. Variables holding a module of
     * {@code dev.jautograd.nn} are read in the same pass ({@link #moduleVariables}).
     */
    public Map<String, Tensor> tensorVariables() {
        if (running) {
            return lastTensorVariables;
        }
        var named = new LinkedHashMap<String, Tensor>();
        var modules = new LinkedHashMap<String, Module>();
        shell.variables()
                .filter(v -> shell.status(v) == Status.VALID && !v.name().startsWith("$"))
                .filter(v -> v.typeName().equals("Tensor") || v.typeName().endsWith(".Tensor") || isNnModule(v.typeName()))
                .forEach(v -> {
                    shell.varValue(v); // routes through the control, which keeps the object
                    control.takeValueFailure(v.name()); // a cell shows it, when it shows the value
                    Object value = control.takeValue(v.name());
                    if (value instanceof Tensor tensor) {
                        named.put(v.name(), tensor);
                    } else if (value instanceof Module module) {
                        modules.put(v.name(), module);
                    }
                });
        lastModuleVariables = Collections.unmodifiableMap(modules);
        lastTensorVariables = Collections.unmodifiableMap(named); // keeps declaration order
        return lastTensorVariables;
    }

    /**
     * The notebook's variables holding a module ({@code Linear}, {@code Sequential}, ...), so a
     * graph can name parameters {@code l1.weight}. Only the library's own module types: reading a
     * variable runs its {@code toString()}, which user code might never return from. As of the last
     * {@link #tensorVariables()}, which reads both.
     */
    public Map<String, Module> moduleVariables() {
        return lastModuleVariables;
    }

    private static boolean isNnModule(String typeName) {
        String simple = typeName.startsWith("dev.jautograd.nn.") ? typeName.substring("dev.jautograd.nn.".length()) : typeName;
        if (simple.isEmpty() || simple.contains(".") || simple.contains("<") || simple.contains("[")) {
            return false;
        }
        try {
            return Module.class.isAssignableFrom(Class.forName("dev.jautograd.nn." + simple, false, Module.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Stops the running cell, if any; safe to call from any thread, returns at once.
     *
     * <p>JShell's stop only reaches a snippet that is executing: one still being compiled, or
     * the next of the cell's snippets, would escape it. So the flag ends the cell at the next
     * snippet boundary, and a watcher repeats the stop until the cell has ended.
     */
    public void interrupt() {
        if (!running || !interrupted.compareAndSet(false, true)) {
            return;
        }
        long cell = cellNumber.get();
        var watcher = new Thread(() -> {
            while (running && cellNumber.get() == cell) {
                shell.stop();
                try {
                    Thread.sleep(STOP_RETRY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "jshell-stop");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Adds jars or folders (path-separator separated) for cells to compile against and load from. */
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    public boolean isRunning() {
        return running;
    }

    JShell shell() {
        return shell;
    }

    boolean completionIndexHeld() {
        return indexHeld.get();
    }

    /**
     * A completion request is coming: JShell's index of package names is built now, once, and
     * the request waits for it if it {@code wantsPackages}.
     */
    void completionIndexNeeded(boolean wantsPackages) {
        releaseHeldIndex();
        if (wantsPackages && !indexBuilt) {
            indexBuilt = JShellInternals.awaitIndexing(shell.sourceCodeAnalysis(), INDEX_WAIT_MS);
        }
    }

    private void releaseHeldIndex() {
        if (indexHeld.compareAndSet(true, false)) {
            JShellInternals.releaseIndexing(shell.sourceCodeAnalysis());
        }
    }

    NullAssignments nullAssignments() {
        return nullAssignments;
    }

    @Override
    public void close() {
        releaseHeldIndex(); // JShell's indexer is one thread for the whole JVM: a held walk would block the next session's
        shell.close();
    }
}
