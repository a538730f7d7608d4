package dev.jautograd.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.jautograd.kernel.display.DisplayRegistry;
import dev.jautograd.kernel.session.CellInput;
import dev.jautograd.kernel.session.JShellSession;
import dev.jautograd.kernel.session.MemoryReserve;
import dev.jautograd.kernel.session.OutputCapture;
import dev.jautograd.kernel.session.Timing;
import dev.jautograd.kernel.wire.KernelChannels;
import dev.jautograd.kernel.wire.KernelChannels.Channel;
import dev.jautograd.kernel.wire.QuietLog;
import dev.jautograd.kernel.wire.WireMessage;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Routes Jupyter requests to their handlers. Every request is bracketed by busy/idle status on
 * IOPub and every reply carries {@code status}; an unknown {@code *_request} gets an error reply
 * rather than silence, so a client never waits forever.
 */
public final class JavaKernel implements KernelChannels.Handler {
    private static final Logger LOG = Logger.getLogger(JavaKernel.class.getName());
    private static final String VERSION = "0.1.0";
    /** How long after the kernel is made its ready answer may wait for JShell's start. */
    static final long READY_WAIT_MS = 3000;

    /** What the control thread serves, none of which uses JShell; the rest belongs to the shell. */
    private static final Set<String> CONTROL_TYPES = Set.of("kernel_info_request", "interrupt_request", "shutdown_request");

    private static final Set<String> ASSIST_TYPES = Set.of("complete_request", "inspect_request", "is_complete_request");

    private final KernelChannels channels;
    private final CompletableFuture<JShellSession> session;
    private final ExecuteHandler execute;
    private final AssistHandlers assist;
    private final History history = new History();
    private final Runnable shutdown;
    private final CellInput input;
    private final Map<String, BiConsumer<Channel, WireMessage>> handlers;
    private final long readyDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_WAIT_MS);
    private boolean abortQueue;

    public JavaKernel(KernelChannels channels, CompletableFuture<JShellSession> session, OutputCapture output,
                      CellInput input, DisplayRegistry registry, Runnable shutdown) {
        this.channels = channels;
        this.input = input;
        this.session = session;
        this.shutdown = shutdown;
        this.execute = new ExecuteHandler(channels, session, output, input, registry, history);
        this.assist = new AssistHandlers(channels, session);
        this.handlers = Map.of(
                "execute_request", (c, m) -> abortQueue |= execute.handle(m) && c == Channel.SHELL,
                "complete_request", (c, m) -> assist.complete(m),
                "inspect_request", (c, m) -> assist.inspect(m),
                "is_complete_request", (c, m) -> assist.isComplete(m),
                "kernel_info_request", this::kernelInfo,
                "history_request", this::history,
                "comm_info_request", this::commInfo,
                "interrupt_request", this::interrupt,
                "shutdown_request", this::shutdown);
    }

    @Override
    public void handle(Channel channel, WireMessage message) {
        String type = message.type();
        if (type.equals("comm_msg") || type.equals("comm_close")) {
            return; // no comm targets exist, so there is nothing to deliver to
        }
        try {
            publishStatus(message, "busy"); // inside: under a full heap even this has failed
            route(channel, message, type);
        } catch (RuntimeException | Error e) {
            answerFailure(channel, message, e);
        } finally {
            // Abort before going idle, as ipykernel does: a client that waits for idle and then
            // sends its next cell must not see that cell caught in this abort.
            if (abortQueue && channel == Channel.SHELL) {
                abortQueuedCells();
            }
            publishIdle(message);
            if (type.equals("execute_request")) {
                Timing.end("execute");
            }
        }
    }

    private void route(Channel channel, WireMessage message, String type) {
        if (channel == Channel.CONTROL && !CONTROL_TYPES.contains(type)) {
            // JShell is not thread-safe: only the shell thread may touch it (execute, complete, ...).
            replyError(channel, message, "WrongChannel", type + " is served on the shell channel, not on control");
        } else if (execute.stuck() && ASSIST_TYPES.contains(type)) {
            // A cell thread that could not be stopped may still be inside JShell.
            replyError(channel, message, "KernelStuck", "a cell is still stuck; Kernel > Restart frees it");
        } else if (type.equals("comm_open")) {
            rejectComm(message);
        } else {
            handlers.getOrDefault(type, this::unknown).accept(channel, message);
        }
    }

    /**
     * A handler that failed (e.g. JShell could not start, the heap ran out) still owes the client
     * a reply, and the thread serving it must live on. The reply goes first: a stack trace logged
     * under a full heap can fail too, and then no reply was sent. A reply that runs out of heap
     * itself is tried once more with the memory reserve's answer block let go.
     */
    private void answerFailure(Channel channel, WireMessage message, Throwable e) {
        MemoryReserve.releaseIf(e);
        boolean heap = MemoryReserve.outOfMemory(e) != null;
        // Named without reflection (getSimpleName() allocates, which a full heap refuses), and
        // said as the cell's own heap-full error: how to free the heap, not "Java heap space".
        String ename = heap ? "OutOfMemoryError" : e.getClass().getSimpleName();
        String evalue = heap ? MemoryReserve.fullMessage() + " [the kernel ran out while answering]"
                : String.valueOf(e.getMessage());
        try {
            replyFailure(channel, message, ename, evalue);
        } catch (OutOfMemoryError again) {
            if (MemoryReserve.spendAnswerBlock()) {
                replyFailure(channel, message, ename, evalue);
            }
        }
        QuietLog.severe(LOG, "Handler failed for", message.type(), e);
    }

    /**
     * The error reply, and for a cell the error shown on it too (a reply alone shows nothing in a
     * notebook) unless it is there already, the reply after it having failed.
     */
    private void replyFailure(Channel channel, WireMessage message, String ename, String evalue) {
        if (message.type().equals("execute_request") && !execute.errorShown(message)) {
            channels.publish("error", message, Json.error(ename, evalue, List.of(ename + ": " + evalue)));
        }
        replyError(channel, message, ename, evalue);
    }

    /** Idle ends every request: a client waits for it (jupyter_client's execute does), so it is tried twice. */
    private void publishIdle(WireMessage message) {
        try {
            publishStatus(message, "idle");
        } catch (OutOfMemoryError e) {
            if (MemoryReserve.spendAnswerBlock()) {
                publishStatus(message, "idle");
            }
        }
    }

    /**
     * After a failed cell, the cells already queued behind it (Run All) are answered
     * {@code aborted} and not run, as ipykernel does; other queued requests are served.
     */
    private void abortQueuedCells() {
        abortQueue = false;
        // Taken off the socket first, answered after: a client that sees the last aborted cell go
        // idle and sends its next one must not find that one drained and aborted too (it was, in CI).
        var drained = new java.util.ArrayList<WireMessage>();
        channels.drainQueued(Channel.SHELL, drained::add);
        for (var queued : drained) {
            if (!queued.type().equals("execute_request")) {
                handle(Channel.SHELL, queued);
                continue;
            }
            publishStatus(queued, "busy");
            var reply = new JsonObject();
            reply.addProperty("status", "aborted");
            channels.reply(Channel.SHELL, queued, "execute_reply", reply);
            publishStatus(queued, "idle");
        }
    }

    private void publishStatus(WireMessage parent, String state) {
        var status = new JsonObject();
        status.addProperty("execution_state", state);
        channels.publish("status", parent, status);
    }

    private void kernelInfo(Channel channel, WireMessage request) {
        if (channel == Channel.SHELL) {
            awaitSession();
        }
        var language = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
        var reply = Json.ok();
        reply.addProperty("protocol_version", "5.3");
        reply.addProperty("implementation", "jautograd-kernel");
        reply.addProperty("implementation_version", VERSION);
        reply.add("language_info", new Gson().toJsonTree(language));
        reply.addProperty("banner", "Java " + Runtime.version() + " (JShell) with jautograd, a PyTorch-style autograd");
        reply.addProperty("debugger", false);
        reply.add("help_links", new JsonArray());
        channels.reply(channel, request, "kernel_info_reply", reply);
    }

    /**
     * Clients call a kernel ready when it answers kernel_info on the shell channel: that answer
     * waits until JShell has started, so the first cell does not wait for JShell instead, but at
     * most until {@link #READY_WAIT_MS} after the kernel was made (a slow or failed start is then
     * the first cell's to wait for, or to report). The control channel is never held.
     */
    private void awaitSession() {
        long left = readyDeadline - System.nanoTime();
        if (left <= 0 || session.isDone()) {
            return;
        }
        try {
            session.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Answered anyway: the first cell waits for the start, or shows why it failed.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void history(Channel channel, WireMessage request) {
        var reply = Json.ok();
        reply.add("history", history.query(request.content()));
        channels.reply(channel, request, "history_reply", reply);
    }

    private void commInfo(Channel channel, WireMessage request) {
        var reply = Json.ok();
        reply.add("comms", new JsonObject());
        channels.reply(channel, request, "comm_info_reply", reply);
    }

    /** As ipykernel does for an unknown target: close the comm the front end tried to open. */
    private void rejectComm(WireMessage request) {
        var close = new JsonObject();
        close.addProperty("comm_id", Json.string(request.content(), "comm_id", ""));
        close.add("data", new JsonObject());
        channels.publish("comm_close", request, close);
    }

    private void interrupt(Channel channel, WireMessage request) {
        execute.interrupted(); // the cell gets a second to end; then it is abandoned
        var running = session.getNow(null);
        if (running != null) {
            running.interrupt();
        }
        input.cancel(); // a cell blocked on System.in is not reached by JShell's stop
        channels.reply(channel, request, "interrupt_reply", Json.ok());
    }

    private void shutdown(Channel channel, WireMessage request) {
        var reply = Json.ok();
        reply.addProperty("restart", Json.bool(request.content(), "restart", false));
        channels.reply(channel, request, "shutdown_reply", reply);
        publishStatus(request, "idle");
        shutdown.run();
    }

    private void unknown(Channel channel, WireMessage request) {
        String type = request.type();
        LOG.warning(() -> "Unknown message type " + type);
        replyError(channel, request, "UnknownMessageType", "this kernel does not handle " + type);
    }

    private void replyError(Channel channel, WireMessage request, String ename, String evalue) {
        String type = request.type();
        if (type.endsWith("_request")) {
            String replyType = type.substring(0, type.length() - "_request".length()) + "_reply";
            channels.reply(channel, request, replyType, Json.error(ename, evalue, List.of(ename + ": " + evalue)));
        }
    }
}
