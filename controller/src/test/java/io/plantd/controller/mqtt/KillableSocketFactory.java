package io.plantd.controller.mqtt;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/** Plain TCP sockets a test can reset (the connection dies abruptly) or refuse (the broker looks unreachable). */
final class KillableSocketFactory extends SocketFactory {
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private volatile boolean refusing;
    private final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

    /** Connection attempts so far, refused or not. */
    int attempts() {
        return attempts.get();
    }

    /** While refusing, every new connection fails as if the broker were unreachable. */
    void refuseConnections(boolean refuse) {
        refusing = refuse;
    }

    @Override
    public Socket createSocket() {
        return track(new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                attempts.incrementAndGet();
                if (refusing) {
                    throw new ConnectException("refused by the test");
                }
                super.connect(endpoint, timeout);
            }
        });
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return track(new Socket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        return track(new Socket(host, port, local, localPort));
    }

    /** Resets every open connection (linger 0 sends RST): no DISCONNECT reaches the broker. */
    void resetAll() throws IOException {
        for (Socket s : sockets) {
            if (!s.isClosed()) {
                s.setSoLinger(true, 0);
                s.close();
            }
        }
    }

    private Socket track(Socket s) {
        sockets.add(s);
        return s;
    }
}
