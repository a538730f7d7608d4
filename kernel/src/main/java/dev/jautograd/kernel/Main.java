package dev.jautograd.kernel;

import dev.jautograd.kernel.display.GraphRenderer;
import dev.jautograd.kernel.display.MimeBundle;
import dev.jautograd.kernel.session.CellInput;
import dev.jautograd.kernel.session.JShellSession;
import dev.jautograd.kernel.session.MemoryReserve;
import dev.jautograd.kernel.session.OutputCapture;
import dev.jautograd.kernel.session.StandardStreams;
import dev.jautograd.kernel.session.Timing;
import dev.jautograd.kernel.wire.KernelChannels;
import dev.jautograd.kernel.wire.WireCodec;
import dev.jautograd.viz.BackwardExplanation;
import dev.jautograd.viz.GraphPicture;
import dev.jautograd.viz.NameResolver;
import dev.jautograd.viz.Viz;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code java -jar jautograd-kernel.jar CONNECTION_FILE}, as the kernelspec's argv runs it.
 * {@code --warmup [NOTEBOOK.ipynb...]} runs a typical cell, then the notebooks' cells, then the
 * library's classroom paths at classroom sizes ({@link LibraryTour}), and exits: install.sh runs it
 * once as the training run of the kernel's class-data-sharing archive
 * ({@code -XX:ArchiveClassesAtExit}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("--warmup")) {
            warmUp();
            NotebookWarmup.run(java.util.Arrays.stream(args).skip(1).map(Path::of).toList());
            LibraryTour.run();
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: java -jar jautograd-kernel.jar CONNECTION_FILE | --warmup [NOTEBOOK.ipynb...]");
            System.exit(2);
        }
        serve(args[0]);
    }

    private static void warmUp() {
        try (var session = JShellSession.start()) {
            var result = session.execute("var t = Torch.tensor(new double[]{5.}, requiresGrad());\n"
                    + "var y = t.pow(3);\ny.backward();\nt.grad()", 1);
            Jupyter.registry().render(result.value(), result.valueText());
            session.execute("System.out.println(t);\nundefinedName", 2); // the error path too
            // A graph too: ELK's layout classes are a large part of the first graph's wait.
            registerGraphs(CompletableFuture.completedFuture(session));
            var graph = session.execute("Viz.makeDot(y)", 3);
            Jupyter.registry().render(graph.value(), graph.valueText());
        }
    }

    private static void serve(String connectionFile) throws Exception {
        Timing.startup("main");
        var connection = KernelConnectionProperties.parse(Files.readString(Path.of(connectionFile)));
        PrintStream log = System.err;
        // java.util.logging's ConsoleHandler keeps the System.err it first sees: create it now, on
        // the real stderr, so log lines (the kernel's, a library's) go to the kernel log, not into
        // whichever cell happens to be running.
        Logger.getLogger("").getHandlers();
        var output = new OutputCapture((stream, text) -> log.print(text));
        var input = new CellInput(output.err());
        StandardStreams.install(output.out(), output.err(), input);

        // JShell's start (its first compiles: most of a second) runs from here, on the second core
        // while the sockets are set up; the first kernel_info on the shell channel waits for it
        // (JavaKernel.READY_WAIT_MS at most), so a kernel reported ready runs its first cell at once.
        var session = CompletableFuture.supplyAsync(JShellSession::start);
        var channels = new KernelChannels(connection, new WireCodec(connection), MemoryReserve::wireFailed);
        Timing.startup("sockets bound");
        session.thenRun(() -> Timing.startup("JShell ready"));
        session.thenRun(LibraryWarmup::startIfIdle); // the library's first-cell paths, while the student reads
        registerGraphs(session);
        ExitDeadline.armForShutdown(log);
        Runnable exit = () -> exit(output, channels);
        var kernel = new JavaKernel(channels, session, output, input, Jupyter.registry(), exit);
        ParentWatch.start(exit);
        var collector = new IdleCollector();
        channels.start((channel, message) -> {
            boolean shell = channel == KernelChannels.Channel.SHELL;
            if (shell) {
                collector.busy();
                LibraryWarmup.shellBusy(true); // the warm-up gives way to the student's cells
            }
            kernel.handle(channel, message);
            if (shell) {
                LibraryWarmup.shellBusy(false);
                collector.idle();
            }
        });
    }

    /**
     * Flushes and closes, then exits, running the cells' shutdown hooks; halts if that has not
     * happened in two seconds (a cell holding a lock the flush needs, or a hook that never returns,
     * must not keep an orphaned kernel alive).
     */
    private static void exit(OutputCapture output, KernelChannels channels) {
        ExitDeadline.start();
        output.flush();
        channels.close();
        System.exit(0);
    }

    /**
     * Graphs name their tensors after the notebook's variables, read when the graph is drawn: when
     * shown, and in {@code toDot()}/{@code toText()}/{@code toSvg()} called in a cell.
     */
    /** Tensor variables by name, then parameters of module variables by path: {@code l1.weight}, {@code model.0.bias}. */
    private static NameResolver notebookNames(JShellSession session) {
        var tensors = NameResolver.of(session.tensorVariables());
        var parameters = new java.util.LinkedHashMap<String, dev.jautograd.Tensor>();
        session.moduleVariables().forEach((variable, module) ->
                module.namedParameters().forEach((path, p) -> parameters.putIfAbsent(variable + "." + path, p)));
        return tensors.orElse(NameResolver.of(parameters));
    }

    static void registerGraphs(CompletableFuture<JShellSession> session) {
        Supplier<NameResolver> names = () -> session.isDone() ? notebookNames(session.join()) : NameResolver.none();
        Viz.useNotebookNames(names);
        Jupyter.registry().register(GraphPicture.class, new GraphRenderer(names));
        Jupyter.registry().register(BackwardExplanation.class,
                (explanation, shellText) -> new MimeBundle(explanation.mimeBundle(), explanation.mimeMetadata()));
    }
}
