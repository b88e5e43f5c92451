package io.plantd.app.bench;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A real j2mod Modbus TCP slave on a free loopback port (unit 1) for the benchmarks, with a hook
 * on every holding-register write so a benchmark can time when a command arrives on the wire.
 */
final class BenchSlave implements AutoCloseable {
    static final int UNIT = 1;

    /** Sees a write to one holding register: address and new value; runs on a slave thread. */
    @FunctionalInterface
    interface WriteHook {
        void written(int address, int value);
    }

    private final ModbusSlave slave;
    private final SimpleProcessImage image;
    private final int port;
    private volatile WriteHook hook = (address, value) -> { };

    BenchSlave(int size) throws Exception {
        image = new SimpleProcessImage(UNIT);
        for (int i = 0; i < size; i++) {
            image.addRegister(new HookedRegister(i));
            image.addInputRegister(new SimpleInputRegister(0));
        }
        port = freePort();
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        slave.addProcessImage(UNIT, image);
        slave.open();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    void onWrite(WriteHook hook) {
        this.hook = hook;
    }

    void holding(int address, int value) {
        ((HookedRegister) image.getRegister(address)).setQuietly(value);
    }

    int holding(int address) {
        return image.getRegister(address).getValue();
    }

    void input(int address, int value) {
        image.setInputRegister(address, new SimpleInputRegister(value & 0xFFFF));
    }

    /** float32, word order ABCD (high word first), as the sim profiles declare. */
    void inputFloat(int address, float value) {
        int bits = Float.floatToIntBits(value);
        input(address, bits >>> 16);
        input(address + 1, bits & 0xFFFF);
    }

    /** float32, word order CDAB (low word first). */
    void holdingFloatCdab(int address, float value) {
        int bits = Float.floatToIntBits(value);
        holding(address, bits & 0xFFFF);
        holding(address + 1, bits >>> 16);
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }

    /** A holding register that reports every write from the wire to the hook. */
    private final class HookedRegister extends SimpleRegister {
        private final int address;

        HookedRegister(int address) {
            super(0);
            this.address = address;
        }

        void setQuietly(int value) {
            super.setValue(value);
        }

        @Override
        public synchronized void setValue(int v) {
            super.setValue(v);
            hook.written(address, getValue());
        }

        @Override
        public synchronized void setValue(short s) {
            super.setValue(s);
            hook.written(address, getValue());
        }

        @Override
        public synchronized void setValue(byte[] bytes) {
            super.setValue(bytes);
            hook.written(address, getValue());
        }
    }
}
