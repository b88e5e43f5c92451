package io.plantd.drivers.modbus;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written Modbus TCP server on a free loopback port that misbehaves on demand. When
 * well-behaved it answers FC03/FC04 with register n holding the value n.
 */
public final class HostileSlave implements AutoCloseable {

    public enum Behaviour {
        NORMAL,
        /** Answers, but only after {@link #delayMs}. */
        DELAY,
        /** Closes the connection as soon as a request arrives. */
        CLOSE,
        /** Answers with exception code {@link #exceptionCode}. */
        EXCEPTION,
        /** A well-formed answer carrying half the registers asked for. */
        SHORT,
        /** Every register asked for, but a byte count one higher than the data it carries. */
        ODD_BYTE_COUNT,
        /** A frame with the right header but a function code that was not asked for. */
        WRONG_FUNCTION,
        /** Plain text instead of a Modbus frame. */
        NOISE
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile long delayMs;
    private volatile int exceptionCode;

    public HostileSlave() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "hostile-slave-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public ModbusSettings settings(long timeoutMs, int retries) {
        return ModbusSettings.tcp("127.0.0.1", port(), 1).withTimeout(timeoutMs, retries);
    }

    public HostileSlave behave(Behaviour b) {
        behaviour = b;
        return this;
    }

    public HostileSlave delay(long ms) {
        delayMs = ms;
        return behave(Behaviour.DELAY);
    }

    public HostileSlave exception(int code) {
        exceptionCode = code;
        return behave(Behaviour.EXCEPTION);
    }

    public int requests() {
        return requests.get();
    }

    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream());
             DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            while (true) {
                int tx = in.readUnsignedShort();
                in.readUnsignedShort(); // protocol id
                int length = in.readUnsignedShort();
                int unit = in.readUnsignedByte();
                byte[] pdu = new byte[length - 1];
                in.readFully(pdu);
                requests.incrementAndGet();
                int fc = pdu[0] & 0xFF;
                int start = ((pdu[1] & 0xFF) << 8) | (pdu[2] & 0xFF);
                int count = ((pdu[3] & 0xFF) << 8) | (pdu[4] & 0xFF);
                switch (behaviour) {
                    case NORMAL -> registers(out, tx, unit, fc, start, count);
                    case DELAY -> {
                        Thread.sleep(delayMs);
                        registers(out, tx, unit, fc, start, count);
                    }
                    case CLOSE -> {
                        return;
                    }
                    case EXCEPTION -> frame(out, tx, unit, new byte[] {(byte) (fc | 0x80), (byte) exceptionCode});
                    case SHORT -> registers(out, tx, unit, fc, start, Math.max(1, count / 2));
                    case ODD_BYTE_COUNT -> {
                        byte[] pdu2 = registerPdu(fc, start, count);
                        pdu2[1]++;
                        frame(out, tx, unit, pdu2);
                    }
                    case WRONG_FUNCTION -> frame(out, tx, unit, new byte[] {0x2B, 0x0E, 0x01, 0x00});
                    case NOISE -> {
                        out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // client went away or the test closed us
        }
    }

    private static void registers(DataOutputStream out, int tx, int unit, int fc, int start, int count)
            throws IOException {
        frame(out, tx, unit, registerPdu(fc, start, count));
    }

    private static byte[] registerPdu(int fc, int start, int count) {
        byte[] pdu = new byte[2 + 2 * count];
        pdu[0] = (byte) fc;
        pdu[1] = (byte) (2 * count);
        for (int i = 0; i < count; i++) {
            int v = (start + i) & 0xFFFF;
            pdu[2 + 2 * i] = (byte) (v >> 8);
            pdu[3 + 2 * i] = (byte) v;
        }
        return pdu;
    }

    private static void frame(DataOutputStream out, int tx, int unit, byte[] pdu) throws IOException {
        out.writeShort(tx);
        out.writeShort(0);
        out.writeShort(pdu.length + 1);
        out.writeByte(unit);
        out.write(pdu);
        out.flush();
    }

    /** Drops every open connection, as a device reboot would. */
    public void dropConnections() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
