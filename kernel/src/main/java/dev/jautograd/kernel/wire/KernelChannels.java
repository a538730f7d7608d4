package dev.jautograd.kernel.wire;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
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
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket heartbeat;
    private volatile boolean running = true;

    public KernelChannels(KernelConnectionProperties connection, WireCodec codec) {
        this.connection = connection;
        this.codec = codec;
        this.shell = bind(SocketType.ROUTER, connection.getShellPort());
        this.control = bind(SocketType.ROUTER, connection.getControlPort());
        this.iopub = bind(SocketType.PUB, connection.getIopubPort());
        this.stdin = bind(SocketType.ROUTER, connection.getStdinPort());
        this.heartbeat = bind(SocketType.REP, connection.getHbPort());
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
            }
        }
    }

    private void serve(Channel channel, ZMQ.Socket socket, Handler handler) {
        while (running) {
            List<byte[]> frames;
            try {
                frames = receive(socket, 0);
            } catch (ZMQException | IllegalStateException e) {
                return; // context closed at shutdown
            }
            if (frames != null) {
                dispatch(channel, frames, handler);
            }
        }
    }

    private void dispatch(Channel channel, List<byte[]> frames, Handler handler) {
        WireMessage message;
        try {
            message = codec.decode(frames);
        } catch (InvalidSignatureException | RuntimeException e) {
            LOG.warning(() -> "Dropped a message on " + channel + ": " + e.getMessage());
            return;
        }
        try {
            handler.handle(channel, message);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Handler failed for " + message.type(), e);
        }
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
