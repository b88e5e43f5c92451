package io.plantd.sim;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;

/** j2mod masters for tests, connected so that a request is sent once, as plantd's driver sends it. */
public final class TestMasters {
    private TestMasters() {
    }

    /**
     * A master on loopback with a 500 ms timeout and a single try. j2mod 3.2.1 counts tries, not
     * retries (0 means its default of 5), and only applies them to the transaction connect() creates.
     */
    public static ModbusTCPMaster connected(String host, int port) throws Exception {
        ModbusTCPMaster m = new ModbusTCPMaster(host, port, 500, false);
        m.connect();
        m.setRetries(1);
        return m;
    }
}
