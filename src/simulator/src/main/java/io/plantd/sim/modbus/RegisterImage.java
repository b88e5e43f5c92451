package io.plantd.sim.modbus;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;

/**
 * One device's holding and input registers, served to j2mod. Reads return copies taken under one
 * lock, so a float spanning two registers is never torn between an update and a read. Writes to
 * holding registers are offered to a {@link WriteHandler} first; a refused write answers with
 * Modbus exception 02 (the only code j2mod's slave can send for it) and changes nothing.
 */
public final class RegisterImage implements ProcessImage {
    /** Decides on a holding-register write; runs on a j2mod connection thread. */
    public interface WriteHandler {
        boolean accept(int address, int value);
    }

    private final int[] holding;
    private final int[] input;
    private final WriteHandler handler;

    public RegisterImage(int holdingCount, int inputCount, WriteHandler handler) {
        this.holding = new int[holdingCount];
        this.input = new int[inputCount];
        this.handler = handler;
    }

    /** Sets input registers from {@code values} starting at {@code address} (simulation thread). */
    public synchronized void setInput(int address, int... values) {
        System.arraycopy(values, 0, input, address, values.length);
    }

    public synchronized void setInput(int address, int value) {
        input[address] = value & 0xFFFF;
    }

    public synchronized void setHolding(int address, int value) {
        holding[address] = value & 0xFFFF;
    }

    public synchronized int holding(int address) {
        return holding[address];
    }

    public synchronized int input(int address) {
        return input[address];
    }

    private synchronized boolean write(int address, int value) {
        int v = value & 0xFFFF;
        if (!handler.accept(address, v)) {
            return false;
        }
        holding[address] = v;
        return true;
    }

    private static void check(int ref, int count, int size) throws IllegalAddressException {
        if (ref < 0 || count < 1 || ref + count > size) {
            throw new IllegalAddressException("registers " + ref + ".." + (ref + count - 1) + " do not exist");
        }
    }

    @Override
    public synchronized Register[] getRegisterRange(int ref, int count) {
        check(ref, count, holding.length);
        Register[] out = new Register[count];
        for (int i = 0; i < count; i++) {
            out[i] = new HoldingRegister(ref + i, holding[ref + i]);
        }
        return out;
    }

    @Override
    public synchronized Register getRegister(int ref) {
        check(ref, 1, holding.length);
        return new HoldingRegister(ref, holding[ref]);
    }

    @Override
    public int getRegisterCount() {
        return holding.length;
    }

    @Override
    public synchronized InputRegister[] getInputRegisterRange(int ref, int count) {
        check(ref, count, input.length);
        InputRegister[] out = new InputRegister[count];
        for (int i = 0; i < count; i++) {
            out[i] = new Snapshot(input[ref + i]);
        }
        return out;
    }

    @Override
    public synchronized InputRegister getInputRegister(int ref) {
        check(ref, 1, input.length);
        return new Snapshot(input[ref]);
    }

    @Override
    public int getInputRegisterCount() {
        return input.length;
    }

    // the simulated devices have no coils, discrete inputs, files or FIFOs

    @Override
    public DigitalOut[] getDigitalOutRange(int ref, int count) {
        throw new IllegalAddressException("no coils");
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        throw new IllegalAddressException("no coils");
    }

    @Override
    public int getDigitalOutCount() {
        return 0;
    }

    @Override
    public DigitalIn[] getDigitalInRange(int ref, int count) {
        throw new IllegalAddressException("no discrete inputs");
    }

    @Override
    public DigitalIn getDigitalIn(int ref) {
        throw new IllegalAddressException("no discrete inputs");
    }

    @Override
    public int getDigitalInCount() {
        return 0;
    }

    @Override
    public File getFile(int ref) {
        throw new IllegalAddressException("no files");
    }

    @Override
    public File getFileByNumber(int ref) {
        throw new IllegalAddressException("no files");
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int ref) {
        throw new IllegalAddressException("no FIFOs");
    }

    @Override
    public FIFO getFIFOByAddress(int ref) {
        throw new IllegalAddressException("no FIFOs");
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }

    /** A read-only copy of one register value. */
    private static class Snapshot implements InputRegister {
        protected int value;

        Snapshot(int value) {
            this.value = value & 0xFFFF;
        }

        @Override
        public int getValue() {
            return value;
        }

        @Override
        public int toUnsignedShort() {
            return value;
        }

        @Override
        public short toShort() {
            return (short) value;
        }

        @Override
        public byte[] toBytes() {
            return new byte[] {(byte) (value >> 8), (byte) value};
        }
    }

    /** A copy of a holding register whose setters write through the image (and its handler). */
    private final class HoldingRegister extends Snapshot implements Register {
        private final int address;

        HoldingRegister(int address, int value) {
            super(value);
            this.address = address;
        }

        @Override
        public void setValue(int v) {
            if (!write(address, v)) {
                throw new IllegalAddressException("write of " + (v & 0xFFFF) + " to register " + address + " refused");
            }
            value = v & 0xFFFF;
        }

        @Override
        public void setValue(short s) {
            setValue(s & 0xFFFF);
        }

        @Override
        public void setValue(byte[] bytes) {
            setValue(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
        }
    }
}
