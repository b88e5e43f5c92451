package io.plantd.sim.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.BooleanSupplier;

/** Polling and socket helpers for the proxy tests; generous limits, no timing assertions. */
final class NetTestSupport {
    private static final long PATIENCE_MS = 5_000;

    private NetTestSupport() {
    }

    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still not true after " + PATIENCE_MS + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The peer closed: EOF, or a reset when it closed with our bytes still unread. Not a timeout. */
    static void assertClosedByPeer(Socket socket) throws IOException {
        socket.setSoTimeout((int) PATIENCE_MS);
        try {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        } catch (SocketException reset) {
            assertThat(reset).hasMessageContaining("reset");
        }
    }

    static boolean anyThreadNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(prefix));
    }
}
