package io.plantd.sim.net;

import io.plantd.sim.net.FaultProxy.Mode;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket and its own upstream socket, pumped by two threads. The proxy's mode is read
 * again for every frame (Modbus) or chunk (raw), so a mode change applies to the next bytes on
 * connections that are already open.
 */
final class ProxyConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int CHUNK_BYTES = 8192;

    private final FaultProxy proxy;
    private final String label;
    private final Socket client;
    // created up front so that close() can abort a connect still in progress
    private final Socket upstream = new Socket();
    // relayed upstream bytes and the proxy's own exception replies share the client stream
    private final Object clientWriteLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    ProxyConnection(FaultProxy proxy, String label, Socket client) {
        this.proxy = proxy;
        this.label = label;
        this.client = client;
    }

    void start() {
        proxy.startThread(label + "-up", this::runClientSide);
    }

    /** Closes both sockets; true if this call did it (so a drop is counted once). Blocked reads end. */
    boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        closeQuietly(client);
        closeQuietly(upstream);
        proxy.forget(this);
        return true;
    }

    /** Opens the upstream socket, starts the reverse pump, then pumps client bytes on this thread. */
    private void runClientSide() {
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(proxy.upstream(), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.info("{} {}: upstream {} unreachable ({}); closing the client", proxy.name(), label,
                        proxy.upstream(), e.getMessage());
            }
            close();
            return;
        }
        proxy.startThread(label + "-down", this::relayUpstreamToClient);
        try {
            if (proxy.isModbus()) {
                relayFrames();
            } else {
                relayChunks();
            }
        } catch (MbapFrames.MalformedFrameException e) {
            proxy.logProtocolError(label, e);
        } catch (IOException e) {
            LOG.debug("{} {}: client side ended: {}", proxy.name(), label, e.getMessage());
        } finally {
            close();
        }
    }

    private void relayFrames() throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
        OutputStream toUpstream = upstream.getOutputStream();
        byte[] frame;
        while ((frame = MbapFrames.read(in)) != null) {
            switch (proxy.mode()) {
                case PASS -> {
                    proxy.counters().forwarded(); // counted first: whoever sees the effect sees the count
                    toUpstream.write(frame);
                }
                case BLACKHOLE -> proxy.counters().swallowed();
                case MODBUS_EXCEPTION -> {
                    proxy.counters().exceptionSent();
                    writeToClient(MbapFrames.exceptionReply(frame, MbapFrames.SERVER_DEVICE_FAILURE));
                }
                case REFUSE -> {
                    return; // entering REFUSE closes this connection; we only raced it
                }
            }
        }
    }

    /** Raw relay: each chunk read from the client counts as one frame in the stats. */
    private void relayChunks() throws IOException {
        InputStream in = client.getInputStream();
        OutputStream toUpstream = upstream.getOutputStream();
        byte[] buf = new byte[CHUNK_BYTES];
        int n;
        while ((n = in.read(buf)) >= 0) {
            Mode mode = proxy.mode();
            if (mode == Mode.PASS) {
                proxy.counters().forwarded();
                toUpstream.write(buf, 0, n);
            } else if (mode == Mode.BLACKHOLE) {
                proxy.counters().swallowed();
            } else {
                return; // REFUSE (MODBUS_EXCEPTION is refused on raw proxies)
            }
        }
    }

    /**
     * Upstream bytes go back raw. In BLACKHOLE they are dropped too, so a late answer to a request
     * forwarded before the switch cannot leak through: the link behaves like a partition.
     */
    private void relayUpstreamToClient() {
        try {
            InputStream in = upstream.getInputStream();
            OutputStream toClient = client.getOutputStream();
            byte[] buf = new byte[CHUNK_BYTES];
            int n;
            while ((n = in.read(buf)) >= 0) {
                Mode mode = proxy.mode();
                if (mode == Mode.REFUSE) {
                    break;
                }
                if (mode != Mode.BLACKHOLE) {
                    synchronized (clientWriteLock) {
                        toClient.write(buf, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("{} {}: upstream side ended: {}", proxy.name(), label, e.getMessage());
        }
        if (!closed.get() && proxy.mode() == Mode.BLACKHOLE) {
            // Behind a partition the client never sees the server give up (e.g. a broker's keepalive
            // expiring): keep swallowing its bytes; its first write after the partition heals fails.
            closeQuietly(upstream);
        } else {
            close();
        }
    }

    private void writeToClient(byte[] bytes) throws IOException {
        synchronized (clientWriteLock) {
            client.getOutputStream().write(bytes);
        }
    }

    static void closeQuietly(Closeable socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted; nothing to recover
        }
    }
}
