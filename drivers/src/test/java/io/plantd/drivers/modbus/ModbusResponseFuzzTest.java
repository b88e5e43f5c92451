package io.plantd.drivers.modbus;

import static io.plantd.drivers.modbus.TestPoints.holding;
import static io.plantd.drivers.modbus.TestPoints.point;
import static io.plantd.drivers.modbus.TestPoints.profile;
import static io.plantd.drivers.modbus.TestPoints.writable;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.poll.DeviceException;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.RegisterTable;
import io.plantd.drivers.profile.WordOrder;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A hostile raw-socket slave answers every request of a real {@link ModbusDevice} with a frame
 * chosen per request: valid, data bytes flipped, random bytes, truncated (then silent or
 * closed), wrong transaction id, wrong function code, wrong length field, or an exception with
 * any code. Invariants: no unchecked exception escapes {@code poll} or {@code write}; a failed
 * poll has a kind and a reason; every point served by a malformed answer is not GOOD; a failed
 * write says why and a write answered with a malformed frame is never reported verified.
 * 300 polls and 150 writes in the suite; long form in docs/reliability.md.
 */
class ModbusResponseFuzzTest {
    private static final DeviceProfile PROFILE = profile("fuzz", List.of(
            writable(holding("a", 0, DataType.UINT16)), holding("b", 1, DataType.FLOAT32),
            holding("c", 3, DataType.INT16), point("d", RegisterTable.COIL, 0, DataType.BOOL, WordOrder.ABCD)));

    enum Kind {
        VALID(false), DATA_FLIP(false), EXCEPTION(false), RANDOM(true), TRUNCATED_SILENT(true), TRUNCATED_CLOSE(true),
        WRONG_TX(true), WRONG_FUNCTION(true), WRONG_LENGTH(true), WRONG_BYTE_COUNT(true);

        final boolean malformed;

        Kind(boolean malformed) {
            this.malformed = malformed;
        }
    }

    private static ServerSocket server;
    /** The script for the current try: per function code, how to answer; read by the slave thread. */
    private static final Map<Integer, Kind> SCRIPT = new ConcurrentHashMap<>();
    private static volatile Random random = new Random();

    @BeforeContainer
    static void startSlave() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(ModbusResponseFuzzTest::accept, "fuzz-slave");
        t.setDaemon(true);
        t.start();
    }

    @AfterContainer
    static void stopSlave() throws IOException {
        server.close();
    }

    /** Long form: each try repeats with further random kinds ({@code -Dplantd.fuzz.repeat=N}). */
    private static final int REPEAT = Integer.getInteger("plantd.fuzz.repeat", 1);

    @Property(tries = 300)
    void hostileAnswersNeverEscapeOrPassAsGood(@ForAll long seed, @ForAll Kind fc3, @ForAll Kind fc1) {
        Random kinds = new Random(seed);
        for (int i = 0; i < REPEAT; i++) {
            pollOnce(kinds.nextLong(), i == 0 ? fc3 : pick(kinds), i == 0 ? fc1 : pick(kinds));
        }
    }

    @Property(tries = 150)
    void hostileAnswersToWritesAreNeverVerified(@ForAll long seed, @ForAll Kind fc6, @ForAll Kind readBack) {
        Random kinds = new Random(seed);
        for (int i = 0; i < REPEAT; i++) {
            writeOnce(kinds.nextLong(), i == 0 ? fc6 : pick(kinds), i == 0 ? readBack : pick(kinds));
        }
    }

    private static Kind pick(Random r) {
        return Kind.values()[r.nextInt(Kind.values().length)];
    }

    private void pollOnce(long seed, Kind fc3, Kind fc1) {
        random = new Random(seed);
        SCRIPT.clear();
        SCRIPT.put(3, fc3);
        SCRIPT.put(1, fc1);
        // hostile answers may never come, so those tries wait briefly; valid ones must always be
        // read, so they get a timeout a loaded CI machine cannot miss
        boolean allValid = fc3 == Kind.VALID && fc1 == Kind.VALID;
        try (ModbusDevice d = new ModbusDevice("fuzz", PROFILE,
                ModbusSettings.tcp("127.0.0.1", server.getLocalPort(), 1).withTimeout(allValid ? 2000 : 40, 0))) {
            Map<String, PointValue> values;
            try {
                values = d.poll(1000);
            } catch (DeviceException e) {
                assertThat(fc3 == Kind.VALID && fc1 == Kind.VALID).as("valid answers fail: %s", e.reason()).isFalse();
                assertThat(e.kind()).isNotNull();
                assertThat(e.reason()).isNotBlank();
                return;
            }
            if (fc3 == Kind.VALID && fc1 == Kind.VALID) {
                // the slave itself speaks correct Modbus: good answers must read good (NaN floats aside)
                assertThat(values.get("a").isGood()).as(values.get("a").reason()).isTrue();
                assertThat(values.get("d").isGood()).as(values.get("d").reason()).isTrue();
            }
            for (String p : List.of("a", "b", "c")) {
                assertReasoned(values.get(p));
                if (fc3.malformed) {
                    assertThat(values.get(p).isGood()).as("%s from a %s answer", p, fc3).isFalse();
                }
            }
            assertReasoned(values.get("d"));
            if (fc1.malformed) {
                assertThat(values.get("d").isGood()).as("d from a %s answer", fc1).isFalse();
            }
        }
    }

    private void writeOnce(long seed, Kind fc6, Kind readBack) {
        random = new Random(seed);
        SCRIPT.clear();
        SCRIPT.put(6, fc6);
        SCRIPT.put(3, readBack);
        try (ModbusDevice d = new ModbusDevice("fuzz", PROFILE,
                ModbusSettings.tcp("127.0.0.1", server.getLocalPort(), 1).withTimeout(40, 0))) {
            WriteResult r = d.write("a", 7);
            if (!r.ok()) {
                assertThat(r.reason()).isNotBlank();
            }
            if (fc6.malformed || readBack.malformed) {
                assertThat(r.ok()).as("write answered %s, read-back %s", fc6, readBack).isFalse();
            }
        }
    }

    private static void assertReasoned(PointValue v) {
        assertThat(v).isNotNull();
        if (!v.isGood()) {
            assertThat(v.reason()).isNotBlank();
        }
    }

    // ---------------------------------------------------------------- the hostile slave

    private static void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fuzz-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                int tx = in.readUnsignedShort();
                in.readUnsignedShort();
                int length = in.readUnsignedShort();
                int unit = in.readUnsignedByte();
                byte[] pdu = new byte[Math.max(0, length - 1)];
                in.readFully(pdu);
                Kind kind = SCRIPT.getOrDefault(pdu[0] & 0xFF, Kind.VALID);
                byte[] frame = answer(kind, tx, unit, pdu, random);
                out.write(frame);
                out.flush();
                if (kind == Kind.TRUNCATED_CLOSE || (kind == Kind.RANDOM && random.nextBoolean())) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the device gave up on us, as it should
        }
    }

    static byte[] answer(Kind kind, int tx, int unit, byte[] request, Random r) {
        int fc = request[0] & 0xFF;
        byte[] valid = validPdu(request, r);
        return switch (kind) {
            case VALID -> mbap(tx, unit, valid, valid.length + 1);
            case DATA_FLIP -> {
                byte[] p = valid.clone();
                if (p.length > 2) {
                    p[2 + r.nextInt(p.length - 2)] ^= (byte) (1 + r.nextInt(255));
                }
                yield mbap(tx, unit, p, p.length + 1);
            }
            case EXCEPTION -> mbap(tx, unit, new byte[] {(byte) (fc | 0x80), (byte) r.nextInt(256)}, 3);
            case RANDOM -> {
                byte[] b = new byte[1 + r.nextInt(40)];
                r.nextBytes(b);
                yield b;
            }
            case TRUNCATED_SILENT, TRUNCATED_CLOSE -> {
                byte[] f = mbap(tx, unit, valid, valid.length + 1);
                yield Arrays.copyOf(f, r.nextInt(f.length));
            }
            case WRONG_TX -> mbap((tx + 1 + r.nextInt(65535)) & 0xFFFF, unit, valid, valid.length + 1);
            case WRONG_FUNCTION -> {
                byte[] p = valid.clone();
                int other;
                do {
                    other = r.nextInt(128);
                } while (other == fc);
                p[0] = (byte) other;
                yield mbap(tx, unit, p, p.length + 1);
            }
            case WRONG_LENGTH -> {
                int declared;
                do {
                    declared = r.nextInt(300);
                } while (declared == valid.length + 1);
                // the bytes that follow are exactly the valid PDU: only the header lies
                yield mbap(tx, unit, valid, declared);
            }
            case WRONG_BYTE_COUNT -> {
                byte[] p = valid.clone();
                if (fc == 3 || fc == 1) {
                    p[1] = (byte) (p[1] + 1 + r.nextInt(200));
                    yield mbap(tx, unit, p, p.length + 1);
                }
                yield mbap(tx, unit, Arrays.copyOf(p, p.length - 1), p.length);
            }
        };
    }

    /** A correct answer: random register/bit data for reads, the echo for writes. */
    private static byte[] validPdu(byte[] req, Random r) {
        int fc = req[0] & 0xFF;
        int count = ((req[3] & 0xFF) << 8) | (req[4] & 0xFF);
        return switch (fc) {
            case 1, 2 -> {
                int n = (count + 7) / 8;
                byte[] p = new byte[2 + n];
                p[0] = (byte) fc;
                p[1] = (byte) n;
                for (int i = 0; i < n; i++) {
                    p[2 + i] = (byte) r.nextInt(256);
                }
                if (count % 8 != 0) {
                    p[1 + n] &= (byte) ((1 << (count % 8)) - 1);
                }
                yield p;
            }
            case 3, 4 -> {
                byte[] p = new byte[2 + 2 * count];
                p[0] = (byte) fc;
                p[1] = (byte) (2 * count);
                for (int i = 2; i < p.length; i++) {
                    p[i] = (byte) r.nextInt(256);
                }
                yield p;
            }
            case 6, 5 -> Arrays.copyOf(req, 5);
            case 16, 15 -> Arrays.copyOf(req, 5);
            default -> new byte[] {(byte) (fc | 0x80), 1};
        };
    }

    private static byte[] mbap(int tx, int unit, byte[] pdu, int declaredLength) {
        byte[] f = new byte[7 + pdu.length];
        f[0] = (byte) (tx >> 8);
        f[1] = (byte) tx;
        f[4] = (byte) (declaredLength >> 8);
        f[5] = (byte) declaredLength;
        f[6] = (byte) unit;
        System.arraycopy(pdu, 0, f, 7, pdu.length);
        return f;
    }
}
