package io.plantd.sim.net;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A real j2mod Modbus TCP slave on 127.0.0.1 serving fixed holding registers under unit 1. */
final class LoopbackModbusSlave implements AutoCloseable {
    private final ModbusSlave slave;
    private final InetSocketAddress address;

    private LoopbackModbusSlave(ModbusSlave slave, InetSocketAddress address) {
        this.slave = slave;
        this.address = address;
    }

    static LoopbackModbusSlave start(int... holdingRegisters) throws Exception {
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int value : holdingRegisters) {
            image.addRegister(new SimpleRegister(value));
        }
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ModbusException last = null;
        // j2mod binds by port number, so pick a free one; another process may take it first, hence retries
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort(loopback);
            ModbusSlave slave;
            synchronized (ModbusSlaveFactory.class) {
                if (ModbusSlaveFactory.getSlave(ModbusSlaveType.TCP, port) != null) {
                    continue;
                }
                slave = ModbusSlaveFactory.createTCPSlave(loopback, port, 4, false, 0);
            }
            slave.addProcessImage(1, image);
            try {
                slave.open();
                return new LoopbackModbusSlave(slave, new InetSocketAddress(loopback, port));
            } catch (ModbusException e) {
                slave.close();
                last = e;
            }
        }
        throw new IOException("no free port for the test slave", last);
    }

    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, address)) {
            return s.getLocalPort();
        }
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        slave.close();
    }
}
