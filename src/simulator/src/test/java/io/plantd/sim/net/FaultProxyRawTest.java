package io.plantd.sim.net;

import static io.plantd.sim.net.NetTestSupport.anyThreadNamed;
import static io.plantd.sim.net.NetTestSupport.assertClosedByPeer;
import static io.plantd.sim.net.NetTestSupport.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.sim.net.FaultProxy.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy as a plain byte relay in front of an echo server, plus MBAP framing errors and shutdown. */
class FaultProxyRawTest {
    EchoServer echo;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        echo = new EchoServer();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        echo.close();
    }

    <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    Socket connect(FaultProxy proxy) throws IOException {
        Socket s = closeLater(new Socket(proxy.host(), proxy.port()));
        s.setSoTimeout(5_000);
        return s;
    }

    static String roundTrip(Socket s, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        s.getOutputStream().write(bytes);
        return new String(s.getInputStream().readNBytes(bytes.length), StandardCharsets.US_ASCII);
    }

    @Test
    void passEchoesThroughTheProxy() throws Exception {
        FaultProxy proxy = closeLater(FaultProxy.raw("mqtt-pass", echo.address()));
        assertThat(proxy.name()).isEqualTo("mqtt-pass");
        assertThat(proxy.mode()).isEqualTo(Mode.PASS);
        Socket s = connect(proxy);
        assertThat(roundTrip(s, "hello")).isEqualTo("hello");
        assertThat(roundTrip(s, "again")).isEqualTo("again");
        assertThat(proxy.stats().accepted()).isEqualTo(1);
        assertThat(proxy.stats().framesForwarded()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void blackholeSwallowsBytesButKeepsTheConnectionOpen() throws Exception {
        FaultProxy proxy = closeLater(FaultProxy.raw("mqtt-bh", echo.address()));
        Socket s = connect(proxy);
        assertThat(roundTrip(s, "a")).isEqualTo("a");
        proxy.mode(Mode.BLACKHOLE);
        s.getOutputStream().write('b');
        s.setSoTimeout(200);
        assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        assertThat(proxy.stats().framesSwallowed()).isGreaterThanOrEqualTo(1);

        // a connection opened during the blackhole is accepted and swallowed as well
        Socket late = connect(proxy);
        late.getOutputStream().write('x');
        late.setSoTimeout(200);
        assertThatThrownBy(() -> late.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

        proxy.mode(Mode.PASS);
        s.setSoTimeout(5_000);
        assertThat(roundTrip(s, "c")).isEqualTo("c");
        assertThat(proxy.stats().dropped()).isZero();
    }

    @Test
    void blackholeHidesTheUpstreamGivingUpUntilTheClientWritesAfterPass() throws Exception {
        FaultProxy proxy = closeLater(FaultProxy.raw("mqtt-partition", echo.address()));
        Socket s = connect(proxy);
        assertThat(roundTrip(s, "a")).isEqualTo("a");
        proxy.mode(Mode.BLACKHOLE);
        echo.close(); // the server ends the session during the partition
        s.setSoTimeout(200);
        assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

        proxy.mode(Mode.PASS);
        s.getOutputStream().write('b');
        assertClosedByPeer(s);
        assertThat(proxy.stats().dropped()).isZero();
    }

    @Test
    void refuseClosesOpenConnectionsAndNewOnesUntilPassAgain() throws Exception {
        FaultProxy proxy = closeLater(FaultProxy.raw("mqtt-refuse", echo.address()));
        Socket open = connect(proxy);
        assertThat(roundTrip(open, "up")).isEqualTo("up");

        proxy.mode(Mode.REFUSE);
        assertClosedByPeer(open);
        assertThat(proxy.stats().dropped()).isEqualTo(1);
        assertClosedByPeer(connect(proxy));
        assertClosedByPeer(connect(proxy));
        awaitTrue("two refused connections", () -> proxy.stats().refused() == 2);

        proxy.mode(Mode.PASS);
        assertThat(roundTrip(connect(proxy), "back")).isEqualTo("back");
        assertThat(proxy.stats().accepted()).isEqualTo(2);
    }

    @Test
    void dropConnectionsClosesOpenConnectionsAndAcceptsNewOnes() throws Exception {
        FaultProxy proxy = closeLater(FaultProxy.raw("mqtt-drop", echo.address()));
        Socket first = connect(proxy);
        Socket second = connect(proxy);
        assertThat(roundTrip(first, "1")).isEqualTo("1");
        assertThat(roundTrip(second, "2")).isEqualTo("2");

        proxy.dropConnections();
        assertClosedByPeer(first);
        assertClosedByPeer(second);
        assertThat(proxy.stats().dropped()).isEqualTo(2);
        awaitTrue("the echo server saw its upstream sockets close", () -> echo.openConnections() == 0);

        assertThat(roundTrip(connect(proxy), "3")).isEqualTo("3");
    }

    @Test
    void modbusExceptionModeIsRefusedOnARawProxy() throws Exception {
        FaultProxy proxy = closeLater(FaultProxy.raw("mqtt-mode", echo.address()));
        assertThatThrownBy(() -> proxy.mode(Mode.MODBUS_EXCEPTION)).isInstanceOf(IllegalArgumentException.class);
        assertThat(proxy.mode()).isEqualTo(Mode.PASS);
    }

    @Test
    void clientIsClosedWhenUpstreamIsUnreachable() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            nobody = new InetSocketAddress(probe.getInetAddress(), probe.getLocalPort());
        }
        FaultProxy proxy = closeLater(FaultProxy.raw("mqtt-nobody", nobody));
        assertClosedByPeer(connect(proxy));
    }

    @Test
    void malformedMbapFramesCloseTheConnection() throws Exception {
        FaultProxy proxy = closeLater(FaultProxy.modbusTcp("plc-bad", echo.address()));
        byte[] valid = {0, 1, 0, 0, 0, 6, 1, 0x03, 0, 0, 0, 1};
        byte[] protocolOne = {0, 2, 0, 1, 0, 6, 1, 0x03, 0, 0, 0, 1};
        byte[] lengthOne = {0, 3, 0, 0, 0, 1, 1};
        byte[] length255 = {0, 4, 0, 0, 0, (byte) 255, 1, 0x03};

        Socket s = connect(proxy);
        s.getOutputStream().write(valid);
        assertThat(s.getInputStream().readNBytes(valid.length)).isEqualTo(valid); // forwarded whole, echoed raw
        s.getOutputStream().write(protocolOne);
        assertClosedByPeer(s);

        for (byte[] bad : List.of(lengthOne, length255)) {
            Socket other = connect(proxy);
            other.getOutputStream().write(bad);
            assertClosedByPeer(other);
        }
        assertThat(proxy.stats().framesForwarded()).isEqualTo(1);
        assertThat(proxy.stats().dropped()).isZero();
    }

    @Test
    void closeReleasesThePortAndEndsItsThreads() throws Exception {
        FaultProxy proxy = FaultProxy.raw("mqtt-close", echo.address());
        Socket s = connect(proxy);
        assertThat(roundTrip(s, "x")).isEqualTo("x");
        assertThat(anyThreadNamed("fault-proxy-mqtt-close-")).isTrue();
        int port = proxy.port();

        proxy.close();
        proxy.close(); // idempotent
        assertClosedByPeer(s);
        awaitTrue("the proxy's threads ended", () -> !anyThreadNamed("fault-proxy-mqtt-close-"));
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    /** Echoes every byte back; one thread per connection, all ended by close(). */
    static final class EchoServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        private final List<Socket> sockets = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile int open;

        EchoServer() throws IOException {
            start(this::acceptLoop);
        }

        InetSocketAddress address() {
            return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
        }

        int openConnections() {
            return open;
        }

        private synchronized void start(Runnable body) {
            Thread t = new Thread(body, "echo-server");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }

        private void acceptLoop() {
            try {
                while (true) {
                    Socket s = listener.accept();
                    synchronized (this) {
                        sockets.add(s);
                        open++;
                    }
                    start(() -> echo(s));
                }
            } catch (IOException closed) {
                // listener closed
            }
        }

        private void echo(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the proxy dropped us
            } finally {
                synchronized (this) {
                    open--;
                }
            }
        }

        @Override
        public void close() throws Exception {
            listener.close();
            List<Thread> all;
            synchronized (this) {
                for (Socket s : sockets) {
                    s.close();
                }
                all = List.copyOf(threads);
            }
            for (Thread t : all) {
                t.join(5_000);
            }
        }
    }
}
