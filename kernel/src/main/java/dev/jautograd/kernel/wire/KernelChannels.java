package dev.jautograd.kernel.wire;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The five Jupyter sockets on JeroMQ, each request channel served by its own thread.
 *
 * <p>This replaces basekernel's channel loop, which polls without waiting and then sleeps 50 ms
 * (a floor under every round-trip), lets a bad signature's SecurityException escape and end the
 * shell thread, and loses an unknown message's type name so it cannot be answered. Here each
 * thread blocks in {@code recv}, a bad message is logged and dropped, and handlers see raw JSON.
 * Control has its own thread so an interrupt arrives while the shell thread runs a cell.
 */
public final class KernelChannels implements AutoCloseable {
    /** Handles one request; replies and publications go through {@link KernelChannels}. */
    @FunctionalInterface
    public interface Handler {
        void handle(Channel channel, WireMessage message);
    }

    /** A request channel; replies go back on the socket the request came in on. */
    public enum Channel { SHELL, CONTROL }

    private static final Logger LOG = Logger.getLogger(KernelChannels.class.getName());

    private final KernelConnectionProperties connection;
    private final WireCodec codec;
    private final ZContext context = new ZContext();
    private final Consumer<Throwable> wireFailed;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket heartbeat;
    private volatile boolean running = true;

    /**
     * {@code wireFailed} hears of an Error (an OutOfMemoryError when a cell keeps the heap full)
     * that JeroMQ's own I/O thread threw, or that decoding a request threw; that thread then runs
     * on (see {@link #keepServing}), the request is decoded again.
     */
    public KernelChannels(KernelConnectionProperties connection, WireCodec codec, Consumer<Throwable> wireFailed) {
        if (!"tcp".equals(connection.getTransport())) {
            // JeroMQ has no Unix sockets: binding "ipc" would quietly use TCP ports no client knows.
            String why = "transport \"" + connection.getTransport() + "\" in the connection file is not supported:"
                    + " this kernel speaks tcp only (remove \"transport\" or set it to \"tcp\")";
            LOG.severe(why);
            throw new IllegalArgumentException(why);
        }
        QuietLog.load(); // the failure paths need it when the heap may be too full to load it
        this.connection = connection;
        this.codec = codec;
        this.wireFailed = wireFailed;
        // Before the first socket: JeroMQ makes its I/O threads then.
        context.setThreadFactor((body, name) -> {
            var thread = new Thread(() -> keepServing(body, name, wireFailed), name);
            thread.setDaemon(true);
            return thread;
        });
        this.shell = bind(SocketType.ROUTER, connection.getShellPort());
        this.control = bind(SocketType.ROUTER, connection.getControlPort());
        this.iopub = bind(SocketType.PUB, connection.getIopubPort());
        this.stdin = bind(SocketType.ROUTER, connection.getStdinPort());
        // A waiting input request wakes this often to see whether an interrupt cancelled it.
        stdin.setReceiveTimeOut(50);
        this.heartbeat = bind(SocketType.REP, connection.getHbPort());
    }

    /**
     * Runs one of JeroMQ's I/O threads (a poller loop that catches RuntimeException only). When a
     * cell keeps the heap full, that thread's next allocation (a heartbeat's bytes) throws
     * OutOfMemoryError; left to end, it would leave every socket deaf and the kernel lost. So the
     * loop is entered again, after {@code ioFailed} has let the memory reserve go; the poller keeps
     * its sockets and state in fields.
     */
    private void keepServing(Runnable body, String name, Consumer<Throwable> ioFailed) {
        // Made before any failure: building it then could throw again, outside every catch, and
        // end the thread in silence (it did: the kernel went deaf with the heap full).
        String failed = "JeroMQ's " + name + " failed; it goes on";
        while (running) {
            try {
                body.run();
                return;
            } catch (Throwable e) { // the poller catches RuntimeException itself: this is an Error
                afterIoError(e, failed, ioFailed);
            }
        }
    }

    /**
     * Nothing here may throw: a second OutOfMemoryError from this catch path ended the I/O thread
     * (JDK 25) and with it every socket. A heap that stays full fails again at once, so a short
     * pause (a park, which throws nothing) keeps the loop from spinning.
     */
    private static void afterIoError(Throwable e, String failed, Consumer<Throwable> ioFailed) {
        try {
            ioFailed.accept(e);
        } catch (Throwable ignored) {
            // nothing more to free
        }
        logQuietly(failed, e);
        LockSupport.parkNanos(20_000_000L);
    }

    private ZMQ.Socket bind(SocketType type, int port) {
        var socket = context.createSocket(type);
        socket.setLinger(1000);
        socket.bind(connection.getTransport() + "://" + connection.getIp() + ":" + port);
        return socket;
    }

    /** Starts the heartbeat, control and shell threads. */
    public void start(Handler handler) {
        daemon("jupyter-heartbeat", this::echoHeartbeats);
        daemon("jupyter-control", () -> serve(Channel.CONTROL, control, handler));
        // Not a daemon: the shell thread keeps the JVM alive until shutdown.
        var shellThread = new Thread(() -> serve(Channel.SHELL, shell, handler), "jupyter-shell");
        shellThread.start();
    }

    private static void daemon(String name, Runnable body) {
        var thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void echoHeartbeats() {
        while (running) {
            try {
                byte[] ping = heartbeat.recv(0);
                if (ping != null) {
                    heartbeat.send(ping, 0);
                }
            } catch (ZMQException | IllegalStateException e) {
                return; // context closed at shutdown
            } catch (Throwable e) {
                if (!running) {
                    return; // close() raced this receive (JeroMQ's FQ threw IndexOutOfBounds once)
                }
                logQuietly("Heartbeat failed", e); // a missed beat, not a dead kernel
            }
        }
    }

    private void serve(Channel channel, ZMQ.Socket socket, Handler handler) {
        String failed = "Message on " + channel + " failed"; // not built after an OutOfMemoryError
        while (running) {
            List<byte[]> frames;
            try {
                frames = receive(socket, 0);
            } catch (ZMQException | IllegalStateException e) {
                return; // context closed at shutdown
            } catch (Throwable e) {
                if (!running) {
                    return; // close() raced this receive: a JeroMQ socket is not safe across threads
                }
                logQuietly(failed, e); // e.g. the heap ran out while the frames were read: go on
                continue;
            }
            if (frames != null) {
                try {
                    dispatch(channel, frames, handler);
                } catch (Throwable e) {
                    // Whatever one message does (an OutOfMemoryError included), the channel
                    // thread must go on serving the next: it is the kernel.
                    logQuietly(failed, e);
                }
            }
        }
    }

    private void dispatch(Channel channel, List<byte[]> frames, Handler handler) {
        WireMessage message;
        try {
            message = decode(frames);
        } catch (InvalidSignatureException | RuntimeException e) {
            LOG.warning(() -> "Dropped a message on " + channel + ": " + e.getMessage());
            return;
        }
        handler.handle(channel, message);
    }

    /**
     * A request read but not decoded for want of heap would get no reply, and its client would
     * wait forever: it is decoded once more after {@code wireFailed} has let memory go.
     */
    private WireMessage decode(List<byte[]> frames) throws InvalidSignatureException {
        try {
            return codec.decode(frames);
        } catch (OutOfMemoryError e) {
            wireFailed.accept(e);
            return codec.decode(frames);
        }
    }

    /** Logging itself may fail with the heap full; the serving loop must not. */
    private static void logQuietly(String what, Throwable e) {
        QuietLog.severe(LOG, what, e);
    }

    /**
     * Hands each message already waiting on {@code channel} to {@code each}, without waiting for
     * more. Only the thread serving that channel may call it (from inside its handler).
     */
    public void drainQueued(Channel channel, Consumer<WireMessage> each) {
        var socket = channel == Channel.SHELL ? shell : control;
        for (var frames = receive(socket, ZMQ.DONTWAIT); frames != null; frames = receive(socket, ZMQ.DONTWAIT)) {
            try {
                each.accept(codec.decode(frames));
            } catch (InvalidSignatureException | RuntimeException e) {
                LOG.warning(() -> "Dropped a queued message on " + channel + ": " + e.getMessage());
            }
        }
    }

    /**
     * Sends an {@code input_request} to the client that sent {@code parent} and waits for its
     * {@code input_reply}; null when {@code cancelled} turns true first or the kernel closes.
     * Only the thread running the cell calls this, so the stdin socket has one user.
     */
    public String requestInput(WireMessage parent, String prompt, BooleanSupplier cancelled) {
        // A reply to an earlier, cancelled request must not answer this one.
        for (var stale = receive(stdin, ZMQ.DONTWAIT); stale != null; stale = receive(stdin, ZMQ.DONTWAIT)) {
            LOG.fine("Dropped a stale stdin message");
        }
        var request = new JsonObject();
        request.addProperty("prompt", prompt);
        request.addProperty("password", false);
        // ipykernel addresses input_request with the shell identity; jupyter_client uses it for stdin too.
        send(stdin, codec.encode("input_request", parent, request, parent.identities()));
        while (running && !cancelled.getAsBoolean()) {
            List<byte[]> frames;
            try {
                frames = receive(stdin, 0); // returns null after the socket's receive timeout
            } catch (ZMQException | IllegalStateException e) {
                return null;
            }
            String value = frames == null ? null : inputValue(frames);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private String inputValue(List<byte[]> frames) {
        try {
            var reply = codec.decode(frames);
            var value = reply.content().get("value");
            return reply.type().equals("input_reply") && value != null && value.isJsonPrimitive()
                    ? value.getAsString() : null;
        } catch (InvalidSignatureException | RuntimeException e) {
            LOG.warning(() -> "Dropped a message on STDIN: " + e.getMessage());
            return null;
        }
    }

    /** One whole multipart message; with {@code ZMQ.DONTWAIT}, null when none is waiting. */
    private static List<byte[]> receive(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        var frames = new ArrayList<byte[]>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    /** Replies on the channel the request came from, addressed to its sender. */
    public void reply(Channel channel, WireMessage request, String type, JsonObject content) {
        var socket = channel == Channel.SHELL ? shell : control;
        // Only the thread serving that channel replies on it, so the socket needs no lock.
        send(socket, codec.encode(type, request, content, request.identities()));
    }

    /** Publishes on IOPub; called from the shell, control and output-flush threads, hence the lock. */
    public synchronized void publish(String type, WireMessage parent, JsonObject content) {
        // The topic frame: ipykernel sends the message type too, and subscribers filter on nothing.
        send(iopub, codec.encode(type, parent, content, List.of(type.getBytes(StandardCharsets.UTF_8))));
    }

    private static void send(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** Stops the loops and closes the sockets; the shell thread ends after its current message. */
    @Override
    public void close() {
        running = false;
        context.close();
    }
}
