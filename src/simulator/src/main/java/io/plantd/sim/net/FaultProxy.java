package io.plantd.sim.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback TCP relay that injects network faults between plantd and its peers (the simulator's
 * Modbus TCP slaves, the MQTT broker) for soak tests: socket drops, silence, a service that is
 * down and, for Modbus TCP, exception responses. The client connects to {@link #host()}:{@link
 * #port()}; each client socket gets its own upstream socket. Threads: one acceptor plus two per
 * connection, daemon, named {@code fault-proxy-<name>-...}; {@link #close()} waits for them.
 */
public final class FaultProxy implements AutoCloseable {
    /** What the proxy does with the next bytes, frames and connections. */
    public enum Mode {
        /** Relay both ways. */
        PASS,
        /** Keep connections open but read and discard everything: requests time out. */
        BLACKHOLE,
        /** Close all connections and close new ones on accept, like a host whose service is down. */
        REFUSE,
        /** Modbus TCP only: answer every request with exception 0x04 and forward nothing. */
        MODBUS_EXCEPTION
    }

    /** Counters since the proxy opened; a raw proxy counts each chunk it reads as one frame. */
    public record Stats(long accepted, long refused, long dropped, long exceptionsSent, long framesForwarded,
                        long framesSwallowed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final String HOST = "127.0.0.1";
    private static final long CLOSE_WAIT_MS = 2_000;

    private final String name;
    private final InetSocketAddress upstream;
    private final boolean modbus;
    private final ServerSocket listener;
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Counters counters = new Counters();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final AtomicBoolean protocolErrorLogged = new AtomicBoolean();
    // orders mode changes against admitting a connection, so none slips past entering REFUSE
    private final Object admission = new Object();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    private FaultProxy(String name, InetSocketAddress upstream, boolean modbus) throws IOException {
        this.name = Objects.requireNonNull(name, "name");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.modbus = modbus;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName(HOST));
        startThread("accept", this::acceptLoop);
    }

    /** Raw byte relay (for MQTT): PASS, BLACKHOLE, REFUSE. */
    public static FaultProxy raw(String name, InetSocketAddress upstream) throws IOException {
        return new FaultProxy(name, upstream, false);
    }

    /** Modbus TCP aware relay: client requests are cut into MBAP frames; also MODBUS_EXCEPTION. */
    public static FaultProxy modbusTcp(String name, InetSocketAddress upstream) throws IOException {
        return new FaultProxy(name, upstream, true);
    }

    public String name() {
        return name;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Switches the mode for the next frame or bytes and the next accept. Entering REFUSE closes
     * every open connection (counted as dropped).
     */
    public void mode(Mode next) {
        Objects.requireNonNull(next, "mode");
        if (next == Mode.MODBUS_EXCEPTION && !modbus) {
            throw new IllegalArgumentException(name + ": MODBUS_EXCEPTION needs a Modbus TCP proxy, this one is raw");
        }
        Mode previous;
        int dropped = 0;
        synchronized (admission) {
            previous = mode;
            mode = next;
            if (next == Mode.REFUSE) {
                dropped = closeAll(true);
            }
        }
        if (previous != next) {
            LOG.info("{}: {} -> {}{}", name, previous, next, dropped > 0 ? " (dropped " + dropped + " connections)" : "");
        }
    }

    /** Closes every open client and upstream socket now; new connections are still accepted unless REFUSE. */
    public void dropConnections() {
        int dropped = closeAll(true);
        LOG.info("{}: dropped {} connections", name, dropped);
    }

    public Stats stats() {
        return counters.snapshot();
    }

    /** Closes the listener and all connections, then waits (bounded) for the proxy's threads to end. */
    @Override
    public void close() {
        synchronized (admission) {
            if (closed) {
                return;
            }
            closed = true;
            ProxyConnection.closeQuietly(listener);
            closeAll(false);
        }
        awaitThreads();
    }

    /** Joins the proxy's threads, including a pump started while we waited, for at most CLOSE_WAIT_MS. */
    private void awaitThreads() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        while (true) {
            threads.removeIf(t -> !t.isAlive() || t == Thread.currentThread());
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (threads.isEmpty() || left <= 0) {
                return;
            }
            try {
                threads.iterator().next().join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + name + " " + HOST + ":" + port() + " -> " + upstream + ", " + mode + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.warn("{}: accept failed: {}", name, e.getMessage());
                pauseAfterAcceptFailure();
                continue;
            }
            admit(client);
        }
    }

    private void admit(Socket client) {
        ProxyConnection connection;
        synchronized (admission) {
            if (closed || mode == Mode.REFUSE) {
                if (!closed) {
                    counters.refused.incrementAndGet();
                }
                ProxyConnection.closeQuietly(client);
                return;
            }
            counters.accepted.incrementAndGet();
            connection = new ProxyConnection(this, "c" + connectionIds.incrementAndGet(), client);
            connections.add(connection);
        }
        connection.start();
    }

    /** A persistent accept error (e.g. out of file descriptors) must not turn into a busy loop. */
    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int closeAll(boolean countAsDropped) {
        int n = 0;
        for (ProxyConnection c : List.copyOf(connections)) {
            if (c.close()) {
                n++;
            }
        }
        if (countAsDropped) {
            counters.dropped.addAndGet(n);
        }
        return n;
    }

    // --- for ProxyConnection ---

    InetSocketAddress upstream() {
        return upstream;
    }

    boolean isModbus() {
        return modbus;
    }

    Counters counters() {
        return counters;
    }

    void forget(ProxyConnection connection) {
        connections.remove(connection);
    }

    void startThread(String suffix, Runnable body) {
        threads.removeIf(t -> !t.isAlive()); // ended pumps of earlier connections
        Thread t = new Thread(body, "fault-proxy-" + name + "-" + suffix);
        t.setDaemon(true);
        // started before it is listed, so the set only ever holds started threads; the thread that
        // starts a pump is itself listed until it ends, so close() cannot miss the pump
        t.start();
        threads.add(t);
    }

    /** Logs the first malformed frame at info and later ones at debug: a broken client repeats itself. */
    void logProtocolError(String connection, IOException e) {
        if (protocolErrorLogged.compareAndSet(false, true)) {
            LOG.info("{} {}: Modbus TCP protocol error, closing the connection: {}", name, connection, e.getMessage());
        } else {
            LOG.debug("{} {}: Modbus TCP protocol error, closing the connection: {}", name, connection, e.getMessage());
        }
    }

    static final class Counters {
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong exceptionsSent = new AtomicLong();
        private final AtomicLong framesForwarded = new AtomicLong();
        private final AtomicLong framesSwallowed = new AtomicLong();

        void forwarded() {
            framesForwarded.incrementAndGet();
        }

        void swallowed() {
            framesSwallowed.incrementAndGet();
        }

        void exceptionSent() {
            exceptionsSent.incrementAndGet();
        }

        Stats snapshot() {
            return new Stats(accepted.get(), refused.get(), dropped.get(), exceptionsSent.get(),
                    framesForwarded.get(), framesSwallowed.get());
        }
    }
}
