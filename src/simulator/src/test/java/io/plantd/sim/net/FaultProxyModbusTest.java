package io.plantd.sim.net;

import static io.plantd.sim.net.NetTestSupport.assertClosedByPeer;
import static io.plantd.sim.net.NetTestSupport.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import io.plantd.sim.net.FaultProxy.Mode;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real j2mod master reads a real j2mod slave through the Modbus TCP proxy while faults are switched. */
class FaultProxyModbusTest {
    static final int[] REGISTERS = {11, 22, 33};
    static final int TIMEOUT_MS = 200;

    LoopbackModbusSlave slave;
    FaultProxy proxy;
    ModbusTCPMaster master;

    @BeforeEach
    void setUp() throws Exception {
        slave = LoopbackModbusSlave.start(REGISTERS);
        proxy = FaultProxy.modbusTcp("plc", slave.address());
        master = connectedMaster();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        master.disconnect();
        proxy.close();
        slave.close();
        awaitTrue("the proxy's threads ended", () -> !NetTestSupport.anyThreadNamed("fault-proxy-plc-"));
    }

    ModbusTCPMaster connectedMaster() throws Exception {
        ModbusTCPMaster m = new ModbusTCPMaster(proxy.host(), proxy.port(), TIMEOUT_MS, false);
        reconnect(m);
        return m;
    }

    /**
     * Connects as plantd's driver does. j2mod 3.2.1 counts tries, not retries (0 means its default
     * of 5, reconnecting between them), and only applies them to the transaction connect() creates.
     */
    static void reconnect(ModbusTCPMaster m) throws Exception {
        m.disconnect();
        m.connect();
        m.setRetries(1);
        m.setCheckingValidity(true);
    }

    int[] read() throws ModbusException {
        return Arrays.stream(master.readMultipleRegisters(1, 0, REGISTERS.length)).mapToInt(Register::getValue).toArray();
    }

    @Test
    void passRelaysRequestsAndAnswers() throws Exception {
        assertThat(proxy.host()).isEqualTo("127.0.0.1");
        assertThat(proxy.port()).isPositive().isNotEqualTo(slave.address().getPort());
        assertThat(read()).containsExactly(REGISTERS);
        assertThat(read()).containsExactly(REGISTERS);
        FaultProxy.Stats stats = proxy.stats();
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(stats.framesForwarded()).isEqualTo(2);
        assertThat(stats.framesSwallowed()).isZero();
        assertThat(stats.exceptionsSent()).isZero();
    }

    @Test
    void modbusExceptionModeAnswersWithServerDeviceFailureThenPassReadsAgain() throws Exception {
        assertThat(read()).containsExactly(REGISTERS);
        proxy.mode(Mode.MODBUS_EXCEPTION);
        assertThat(proxy.mode()).isEqualTo(Mode.MODBUS_EXCEPTION);
        assertThatThrownBy(this::read).isInstanceOfSatisfying(ModbusSlaveException.class,
                e -> assertThat(e.getType()).isEqualTo(4));
        assertThat(proxy.stats().exceptionsSent()).isEqualTo(1);
        assertThat(proxy.stats().framesForwarded()).isEqualTo(1); // the exception request never reached the slave

        proxy.mode(Mode.PASS);
        assertThat(read()).containsExactly(REGISTERS); // same connection
        assertThat(proxy.stats().accepted()).isEqualTo(1);
    }

    @Test
    void blackholeLeavesTheRequestUnansweredUntilPassAgain() throws Exception {
        assertThat(read()).containsExactly(REGISTERS);
        proxy.mode(Mode.BLACKHOLE);
        assertThatThrownBy(this::read).isInstanceOf(ModbusIOException.class);
        assertThat(proxy.stats().framesSwallowed()).isEqualTo(1);
        assertThat(proxy.stats().dropped()).isZero();

        proxy.mode(Mode.PASS);
        assertThat(read()).containsExactly(REGISTERS);
    }

    @Test
    void droppedConnectionFailsTheNextReadAndANewConnectionWorks() throws Exception {
        assertThat(read()).containsExactly(REGISTERS);
        proxy.dropConnections();
        assertThat(proxy.stats().dropped()).isEqualTo(1);
        assertThatThrownBy(this::read).isInstanceOf(ModbusException.class);

        reconnect(master);
        assertThat(read()).containsExactly(REGISTERS);
        assertThat(proxy.stats().accepted()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refuseClosesTheOpenConnectionAndEveryNewOne() throws Exception {
        assertThat(read()).containsExactly(REGISTERS);
        proxy.mode(Mode.REFUSE);
        assertThat(proxy.stats().dropped()).isEqualTo(1);
        assertThatThrownBy(this::read).isInstanceOf(ModbusException.class);

        long refusedBefore = proxy.stats().refused();
        try (Socket fresh = new Socket(proxy.host(), proxy.port())) {
            assertClosedByPeer(fresh);
        }
        awaitTrue("the fresh connection counted as refused", () -> proxy.stats().refused() > refusedBefore);

        proxy.mode(Mode.PASS);
        reconnect(master);
        assertThat(read()).containsExactly(REGISTERS);
    }

    @Test
    void exceptionRepliesKeepTransactionAndUnitIdForPipelinedAndSplitFrames() throws Exception {
        proxy.mode(Mode.MODBUS_EXCEPTION);
        try (Socket s = new Socket(proxy.host(), proxy.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            // two read requests in one write: holding registers (0x03) to unit 7, input registers (0x04) to unit 9
            out.write(new byte[] {
                0x12, 0x34, 0, 0, 0, 6, 7, 0x03, 0, 0, 0, 2,
                0x12, 0x35, 0, 0, 0, 6, 9, 0x04, 0, 1, 0, 1});
            byte[] replies = new byte[18];
            in.readFully(replies);
            assertThat(replies).containsExactly(
                0x12, 0x34, 0, 0, 0, 3, 7, 0x83, 0x04,
                0x12, 0x35, 0, 0, 0, 3, 9, 0x84, 0x04);

            // one request arriving in two pieces is still one frame
            out.write(new byte[] {0x00, 0x09, 0, 0, 0, 6, 1});
            out.flush();
            Thread.sleep(20);
            out.write(new byte[] {0x03, 0, 0, 0, 1});
            byte[] reply = new byte[9];
            in.readFully(reply);
            assertThat(reply).containsExactly(0x00, 0x09, 0, 0, 0, 3, 1, 0x83, 0x04);
        }
        assertThat(proxy.stats().exceptionsSent()).isEqualTo(3);
        assertThat(proxy.stats().framesForwarded()).isZero();
    }
}
