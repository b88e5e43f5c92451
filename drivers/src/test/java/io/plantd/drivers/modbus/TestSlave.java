package io.plantd.drivers.modbus;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.plantd.drivers.profile.RegisterTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A real j2mod Modbus TCP slave on a free loopback port, whose process image records every
 * range it is asked for, so tests can assert the number and shape of the reads on the wire.
 */
public final class TestSlave implements AutoCloseable {
    public static final int UNIT = 1;

    /** One range the slave served: table, start, count. */
    public record Seen(RegisterTable table, int start, int count) {
    }

    private final ModbusSlave slave;
    private final SimpleProcessImage image;
    private final List<Seen> seen = new ArrayList<>();
    private final int port;

    private TestSlave(int size, boolean rtuOverTcp) throws Exception {
        image = new SimpleProcessImage(UNIT);
        for (int i = 0; i < size; i++) {
            image.addRegister(new SimpleRegister(0));
            image.addInputRegister(new SimpleInputRegister(0));
            image.addDigitalOut(new SimpleDigitalOut(false));
            image.addDigitalIn(new SimpleDigitalIn(false));
        }
        port = freePort();
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, rtuOverTcp);
        slave.addProcessImage(UNIT, new Recording());
        slave.open();
    }

    /** A Modbus TCP slave with {@code size} registers, coils and inputs in every table, all zero. */
    public static TestSlave start(int size) throws Exception {
        return new TestSlave(size, false);
    }

    public static TestSlave startRtuOverTcp(int size) throws Exception {
        return new TestSlave(size, true);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public ModbusSettings settings() {
        return ModbusSettings.tcp("127.0.0.1", port, UNIT);
    }

    public void set(RegisterTable table, int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            if (table == RegisterTable.HOLDING) {
                image.getRegister(address + i).setValue(words[i]);
            } else {
                image.setInputRegister(address + i, new SimpleInputRegister(words[i]));
            }
        }
    }

    public void setBit(RegisterTable table, int address, boolean value) {
        if (table == RegisterTable.COIL) {
            image.getDigitalOut(address).set(value);
        } else {
            image.setDigitalIn(address, new SimpleDigitalIn(value));
        }
    }

    public int holding(int address) {
        return image.getRegister(address).getValue();
    }

    public boolean coil(int address) {
        return image.getDigitalOut(address).isSet();
    }

    public synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    public synchronized void clearSeen() {
        seen.clear();
    }

    private synchronized void record(RegisterTable t, int start, int count) {
        seen.add(new Seen(t, start, count));
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }

    /** Delegates to the simple image and records every range request. */
    private final class Recording implements ProcessImage {
        @Override
        public DigitalOut[] getDigitalOutRange(int offset, int count) {
            record(RegisterTable.COIL, offset, count);
            return image.getDigitalOutRange(offset, count);
        }

        @Override
        public DigitalOut getDigitalOut(int ref) {
            return image.getDigitalOut(ref);
        }

        @Override
        public int getDigitalOutCount() {
            return image.getDigitalOutCount();
        }

        @Override
        public DigitalIn[] getDigitalInRange(int offset, int count) {
            record(RegisterTable.DISCRETE, offset, count);
            return image.getDigitalInRange(offset, count);
        }

        @Override
        public DigitalIn getDigitalIn(int ref) {
            return image.getDigitalIn(ref);
        }

        @Override
        public int getDigitalInCount() {
            return image.getDigitalInCount();
        }

        @Override
        public InputRegister[] getInputRegisterRange(int offset, int count) {
            record(RegisterTable.INPUT, offset, count);
            return image.getInputRegisterRange(offset, count);
        }

        @Override
        public InputRegister getInputRegister(int ref) {
            return image.getInputRegister(ref);
        }

        @Override
        public int getInputRegisterCount() {
            return image.getInputRegisterCount();
        }

        @Override
        public Register[] getRegisterRange(int offset, int count) {
            record(RegisterTable.HOLDING, offset, count);
            return image.getRegisterRange(offset, count);
        }

        @Override
        public Register getRegister(int ref) {
            return image.getRegister(ref);
        }

        @Override
        public int getRegisterCount() {
            return image.getRegisterCount();
        }

        @Override
        public File getFile(int ref) {
            return image.getFile(ref);
        }

        @Override
        public File getFileByNumber(int ref) {
            return image.getFileByNumber(ref);
        }

        @Override
        public int getFileCount() {
            return image.getFileCount();
        }

        @Override
        public FIFO getFIFO(int ref) {
            return image.getFIFO(ref);
        }

        @Override
        public FIFO getFIFOByAddress(int ref) {
            return image.getFIFOByAddress(ref);
        }

        @Override
        public int getFIFOCount() {
            return image.getFIFOCount();
        }
    }
}
