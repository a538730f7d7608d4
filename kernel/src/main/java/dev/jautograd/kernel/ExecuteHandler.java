package dev.jautograd.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.jautograd.kernel.display.DisplayRegistry;
import dev.jautograd.kernel.display.MimeBundle;
import dev.jautograd.kernel.magic.Interpreter;
import dev.jautograd.kernel.magic.Magics;
import dev.jautograd.kernel.session.CellError;
import dev.jautograd.kernel.session.CellInput;
import dev.jautograd.kernel.session.CellResult;
import dev.jautograd.kernel.session.JShellSession;
import dev.jautograd.kernel.session.MemoryReserve;
import dev.jautograd.kernel.session.OutputCapture;
import dev.jautograd.kernel.session.Timing;
import dev.jautograd.kernel.wire.KernelChannels;
import dev.jautograd.kernel.wire.KernelChannels.Channel;
import dev.jautograd.kernel.wire.QuietLog;
import dev.jautograd.kernel.wire.WireMessage;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * {@code execute_request}: runs the cell and publishes, in order, execute_input, the cell's
 * streams and displays, then its result or error, then the reply.
 */
final class ExecuteHandler {
    private static final Logger LOG = Logger.getLogger(ExecuteHandler.class.getName());

    private final KernelChannels channels;
    private final CompletableFuture<JShellSession> session;
    private final OutputCapture output;
    private final CellInput input;
    private final DisplayRegistry registry;
    private final History history;
    private final CellRunner runner = new CellRunner();
    private int executionCount;
    private Magics magics;
    /** The last request whose error was published (only the shell thread touches it). */
    private WireMessage errorShownFor;

    ExecuteHandler(KernelChannels channels, CompletableFuture<JShellSession> session, OutputCapture output,
                   CellInput input, DisplayRegistry registry, History history) {
        this.input = input;
        this.channels = channels;
        this.session = session;
        this.output = output;
        this.registry = registry;
        this.history = history;
    }

    /** Runs the request; true when it failed and asked to stop there ({@code stop_on_error}). */
    boolean handle(WireMessage request) {
        Timing.begin();
        var content = request.content();
        String code = Json.string(content, "code", "");
        boolean silent = Json.bool(content, "silent", false);
        // The protocol: silent implies no history; only stored cells advance the counter.
        boolean store = !silent && Json.bool(content, "store_history", true);
        int count = store ? ++executionCount : executionCount;
        if (!silent) {
            var input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            channels.publish("execute_input", request, input);
            Timing.mark("input");
        }
        boolean allowStdin = Json.bool(content, "allow_stdin", false);
        Outcome outcome;
        Throwable kernelFailure = null;
        try {
            outcome = run(request, code, count, silent, allowStdin);
        } catch (Throwable failure) {
            kernelFailure = failure;
            outcome = failedInKernel(failure);
        }
        CellResult result = outcome.result();
        MimeBundle bundle = outcome.bundle();
        String heapNote = MemoryReserve.afterCell();
        if (heapNote != null && !silent && !(result.failed() && MemoryReserve.isHeapFull(result.error()))) {
            publishStream(request, "stderr", heapNote);
        }
        JsonObject reply;
        if (result.failed()) {
            var error = result.error();
            if (!silent) {
                channels.publish("error", request, Json.error(error.ename(), error.evalue(), TracebackColours.of(error)));
                errorShownFor = request;
            }
            reply = Json.error(error.ename(), error.evalue(), TracebackColours.of(error));
        } else {
            if (bundle != null && !silent) {
                publishResult(request, count, bundle);
                Timing.mark("result");
            }
            reply = Json.ok();
            reply.add("payload", new JsonArray());
        }
        reply.addProperty("execution_count", count);
        reply.add("user_expressions", new JsonObject());
        if (store) {
            history.add(count, code, bundle == null ? null : bundle.plainText());
        }
        channels.reply(Channel.SHELL, request, "execute_reply", reply);
        Timing.mark("reply");
        logAfterReply(kernelFailure);
        return result.failed() && Json.bool(content, "stop_on_error", true);
    }

    /**
     * Whatever the kernel's own work for the cell threw (javac or a renderer out of heap, a bug)
     * is this cell's error: shown on it, and the kernel serves the next one.
     */
    private static Outcome failedInKernel(Throwable failure) {
        MemoryReserve.releaseIf(failure);
        var heap = MemoryReserve.outOfMemory(failure);
        String where = "(in the kernel, while it ran or showed this cell)";
        // Still full after the cell: say so, and how to free it, rather than "Java heap space".
        var error = heap != null && !MemoryReserve.room() ? MemoryReserve.heapFull(where)
                : CellError.of(heap != null ? heap : failure, where);
        return new Outcome(CellResult.failed(error), null);
    }

    /** Only after the reply, which matters more: a stack trace logged under a full heap can fail. */
    private static void logAfterReply(Throwable kernelFailure) {
        if (kernelFailure != null) {
            QuietLog.severe(LOG, "A cell failed in the kernel", kernelFailure);
        }
    }

    /** What a cell produced, its value already rendered (on the cell's thread: toString may hang). */
    private record Outcome(CellResult result, MimeBundle bundle) { }

    void interrupted() {
        runner.interrupted();
    }

    /** Whether this request's error is on its cell already (the reply then failed: a full heap). */
    boolean errorShown(WireMessage request) {
        return errorShownFor == request;
    }

    boolean stuck() {
        return runner.stuck();
    }

    private Outcome run(WireMessage request, String code, int count, boolean silent, boolean allowStdin) throws Throwable {
        if (runner.stuck()) {
            return new Outcome(CellResult.failed(runner.stuckError()), null);
        }
        output.open(silent ? (stream, text) -> { } : (stream, text) -> publishStream(request, stream, text), count);
        input.attach(!allowStdin ? null : (prompt, cell) -> {
            output.flush(); // the prompt's context (a printed question) shows before the input box
            return channels.requestInput(request, prompt, cell::isCancelled);
        });
        Jupyter.attach(silent ? null : new DisplayTarget(request));
        try {
            Timing.mark("open");
            return runner.run(count, () -> {
                Timing.mark("thread");
                output.enterCell(); // the threads the cell starts write to it, or after it ends to the next
                var result = magics().execute(code, count);
                var bundle = result.failed() || !result.hasValue() ? null : registry.render(result.value(), result.valueText());
                Timing.mark("render");
                // A cell ending in display(x) or printf has shown what it had: no result as well.
                if (bundle != null && bundle.isEmpty()) bundle = null;
                return new Outcome(result, bundle);
            }, stuck -> new Outcome(CellResult.failed(stuck), null));
        } finally {
            Jupyter.attach(null);
            input.attach(null);
            output.close(); // flushes what the cell printed before its result is published
            Timing.mark("close");
        }
    }

    /** The session behind the magics ({@code %maven}, {@code %time}, ...), made once it has started. */
    private Magics magics() {
        if (magics == null) {
            var shell = session.join();
            magics = new Magics(new Interpreter() {
                @Override
                public CellResult execute(String cell, int executionCount) {
                    return shell.execute(cell, executionCount);
                }

                @Override
                public void addToClasspath(String path) {
                    shell.addToClasspath(path);
                }
            });
        }
        return magics;
    }

    private void publishResult(WireMessage request, int count, MimeBundle bundle) {
        var result = new JsonObject();
        result.addProperty("execution_count", count);
        result.add("data", Json.mime(bundle));
        result.add("metadata", Json.metadata(bundle));
        channels.publish("execute_result", request, result);
    }

    private void publishStream(WireMessage request, String name, String text) {
        var stream = new JsonObject();
        stream.addProperty("name", name);
        stream.addProperty("text", text);
        channels.publish("stream", request, stream);
    }

    /** Displays flush pending prints first so a cell's outputs keep the order they were made in. */
    private final class DisplayTarget implements Jupyter.Target {
        private final WireMessage request;

        DisplayTarget(WireMessage request) {
            this.request = request;
        }

        @Override
        public void display(MimeBundle bundle, String displayId) {
            publishDisplay("display_data", bundle, displayId);
        }

        /** Replaces, in every output shown under {@code displayId}, what it shows. */
        @Override
        public void update(MimeBundle bundle, String displayId) {
            publishDisplay("update_display_data", bundle, displayId);
        }

        private void publishDisplay(String type, MimeBundle bundle, String displayId) {
            output.flush();
            var data = new JsonObject();
            data.add("data", Json.mime(bundle));
            data.add("metadata", Json.metadata(bundle));
            var transientData = new JsonObject();
            transientData.addProperty("display_id", displayId);
            data.add("transient", transientData);
            channels.publish(type, request, data);
        }

        @Override
        public void clearOutput(boolean wait) {
            output.flush();
            var clear = new JsonObject();
            clear.addProperty("wait", wait);
            channels.publish("clear_output", request, clear);
        }
    }
}
