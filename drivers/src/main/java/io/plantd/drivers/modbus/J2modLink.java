package io.plantd.drivers.modbus;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.plantd.drivers.poll.DeviceException;
import io.plantd.drivers.poll.FailureKind;
import io.plantd.drivers.profile.RegisterTable;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * {@link ModbusLink} over j2mod: TCP, RTU over TCP, and RTU on a serial line. j2mod is told to
 * make exactly one try per request (its own retries resend on the same socket, where a late
 * answer to the first try would be taken for the answer to the next request); plantd retries
 * on a fresh connection instead.
 */
public final class J2modLink implements ModbusLink {
    private final ModbusSettings settings;
    private AbstractModbusMaster master;

    public J2modLink(ModbusSettings settings) {
        this.settings = settings;
    }

    @FunctionalInterface
    private interface Operation<T> {
        T run(AbstractModbusMaster m) throws ModbusException, DeviceException;
    }

    @Override
    public int[] readRegisters(RegisterTable table, int start, int count) throws DeviceException {
        String what = describe(table, start, count);
        return call(what, m -> {
            InputRegister[] regs = table == RegisterTable.HOLDING
                    ? m.readMultipleRegisters(settings.unitId(), start, count)
                    : m.readInputRegisters(settings.unitId(), start, count);
            if (regs == null || regs.length != count) {
                throw new DeviceException(FailureKind.PROTOCOL, "wrong-length answer to " + what + ": "
                        + (regs == null ? 0 : regs.length) + " of " + count + " registers");
            }
            // j2mod sizes the answer as byte count / 2, so an odd or padded count would pass unseen
            int declared = declaredByteCount(m);
            if (declared != 2 * count) {
                throw new DeviceException(FailureKind.PROTOCOL, "answer to " + what + " declares " + declared
                        + " data bytes for " + count + " registers");
            }
            int[] words = new int[count];
            for (int i = 0; i < count; i++) {
                words[i] = regs[i].getValue() & 0xFFFF;
            }
            return words;
        });
    }

    @Override
    public boolean[] readBits(RegisterTable table, int start, int count) throws DeviceException {
        String what = describe(table, start, count);
        return call(what, m -> {
            BitVector bv = table == RegisterTable.COIL
                    ? m.readCoils(settings.unitId(), start, count)
                    : m.readInputDiscretes(settings.unitId(), start, count);
            if (bv == null || bv.byteSize() != (count + 7) / 8) {
                throw new DeviceException(FailureKind.PROTOCOL, "wrong-length answer to " + what + ": "
                        + (bv == null ? 0 : bv.byteSize()) + " data bytes for " + count + " bits");
            }
            boolean[] bits = new boolean[count];
            for (int i = 0; i < count; i++) {
                bits[i] = bv.getBit(i);
            }
            return bits;
        });
    }

    @Override
    public void writeRegisters(int start, int[] words) throws DeviceException {
        String what = "write " + describe(RegisterTable.HOLDING, start, words.length);
        call(what, m -> {
            if (words.length == 1) {
                m.writeSingleRegister(settings.unitId(), start, new SimpleRegister(words[0]));
            } else {
                Register[] regs = new Register[words.length];
                for (int i = 0; i < words.length; i++) {
                    regs[i] = new SimpleRegister(words[i]);
                }
                m.writeMultipleRegisters(settings.unitId(), start, regs);
            }
            return null;
        });
    }

    @Override
    public void writeCoil(int address, boolean value) throws DeviceException {
        call("write " + describe(RegisterTable.COIL, address, 1), m -> {
            m.writeCoil(settings.unitId(), address, value);
            return null;
        });
    }

    private <T> T call(String what, Operation<T> op) throws DeviceException {
        DeviceException last = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            try {
                return op.run(connected());
            } catch (ModbusSlaveException e) {
                // the device answered: the connection is fine and asking again will not help
                throw new ModbusExceptionResponse(e.getType(), what);
            } catch (DeviceException e) {
                last = e;
            } catch (ModbusException e) {
                last = classify(e, what);
            } catch (RuntimeException e) {
                // j2mod can throw unchecked exceptions while parsing a garbage frame
                last = new DeviceException(FailureKind.PROTOCOL, "malformed answer to " + what + ": " + e, e);
            }
            close();
        }
        throw last;
    }

    private AbstractModbusMaster connected() throws DeviceException {
        if (master != null) {
            return master;
        }
        AbstractModbusMaster m;
        try {
            m = create();
        } catch (RuntimeException e) {
            throw new DeviceException(FailureKind.CONNECTION, "cannot reach " + settings.endpoint() + ": "
                    + rootMessage(e), e);
        }
        try {
            m.connect();
        } catch (Exception e) {
            quietly(m);
            throw connectFailure(e);
        }
        // j2mod counts tries, not retries, and only applies the setting to a live transaction
        m.setRetries(1);
        m.setCheckingValidity(true);
        master = m;
        return m;
    }

    private AbstractModbusMaster create() {
        int timeout = (int) settings.timeoutMs();
        return switch (settings.framing()) {
            case TCP -> new TcpMaster(settings.host(), settings.port(), timeout, false);
            case RTU_OVER_TCP -> new TcpMaster(settings.host(), settings.port(), timeout, true);
            case RTU_SERIAL -> new SerialMaster(serialParameters(settings.serial()), timeout);
        };
    }

    private static SerialParameters serialParameters(ModbusSettings.SerialLine line) {
        SerialParameters p = new SerialParameters();
        p.setPortName(line.port());
        p.setBaudRate(line.baudRate());
        p.setDatabits(line.dataBits());
        p.setStopbits(line.stopBits());
        // jSerialComm's parity constants
        p.setParity(switch (line.parity()) {
            case "odd" -> 1;
            case "even" -> 2;
            default -> 0;
        });
        p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        p.setEcho(false);
        return p;
    }

    private DeviceException connectFailure(Exception e) {
        String where = settings.endpoint();
        if (has(e, SocketTimeoutException.class)) {
            return new DeviceException(FailureKind.TIMEOUT, "connect to " + where + " timed out after "
                    + settings.timeoutMs() + " ms", e);
        }
        if (has(e, ConnectException.class)) {
            return new DeviceException(FailureKind.CONNECTION, "connection refused by " + where, e);
        }
        if (has(e, UnknownHostException.class)) {
            return new DeviceException(FailureKind.CONNECTION, "unknown host for " + where, e);
        }
        return new DeviceException(FailureKind.CONNECTION, "cannot connect to " + where + ": " + rootMessage(e), e);
    }

    private DeviceException classify(ModbusException e, String what) {
        String msg = rootMessage(e);
        String lower = msg.toLowerCase();
        if (has(e, SocketTimeoutException.class) || lower.contains("timeout") || lower.contains("timed out")) {
            return new DeviceException(FailureKind.TIMEOUT, "no answer to " + what + " within "
                    + settings.timeoutMs() + " ms", e);
        }
        if (lower.contains("premature end of stream")) {
            // j2mod reports a socket closed mid-answer and a frame shorter than its function
            // code implies the same way; either way the connection is dropped
            return new DeviceException(FailureKind.CONNECTION, "answer to " + what
                    + " cut short (connection closed or truncated frame)", e);
        }
        if (has(e, EOFException.class) || has(e, SocketException.class) || lower.contains("closed")
                || lower.contains("end of stream") || lower.contains("connection reset") || lower.contains("eof")) {
            return new DeviceException(FailureKind.CONNECTION, "connection lost during " + what + ": " + msg, e);
        }
        return new DeviceException(FailureKind.PROTOCOL, "invalid answer to " + what + ": " + msg, e);
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    /** The byte count field of the register read just answered, or -1 if it cannot be seen. */
    private static int declaredByteCount(AbstractModbusMaster m) {
        ModbusResponse r = m instanceof LastAnswer a ? a.lastAnswer() : null;
        if (r instanceof ReadMultipleRegistersResponse h) {
            return h.getByteCount();
        }
        if (r instanceof ReadInputRegistersResponse i) {
            return i.getByteCount();
        }
        return -1;
    }

    /** j2mod's facade keeps the last answer in a protected field; these masters let the link check it. */
    private interface LastAnswer {
        ModbusResponse lastAnswer();
    }

    private static final class TcpMaster extends ModbusTCPMaster implements LastAnswer {
        TcpMaster(String host, int port, int timeoutMs, boolean rtuFraming) {
            super(host, port, timeoutMs, false, rtuFraming);
        }

        @Override
        public synchronized ModbusResponse lastAnswer() {
            return transaction == null ? null : transaction.getResponse();
        }
    }

    private static final class SerialMaster extends ModbusSerialMaster implements LastAnswer {
        SerialMaster(SerialParameters parameters, int timeoutMs) {
            super(parameters, timeoutMs);
        }

        @Override
        public synchronized ModbusResponse lastAnswer() {
            return transaction == null ? null : transaction.getResponse();
        }
    }

    private static String describe(RegisterTable table, int start, int count) {
        return table.name().toLowerCase() + " " + start + ".." + (start + count - 1);
    }

    private static void quietly(AbstractModbusMaster m) {
        try {
            m.disconnect();
        } catch (RuntimeException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        if (master != null) {
            quietly(master);
            master = null;
        }
    }
}
