package io.plantd.drivers.bacnet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.drivers.bacnet.codec.Apdu;
import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.Bvlc;
import io.plantd.drivers.bacnet.codec.Npdu;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.ReadProperty;
import io.plantd.drivers.bacnet.codec.ReadPropertyMultiple;
import io.plantd.drivers.bacnet.transport.BacnetException;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A device that answers with nonsense: each reply is refused with a reason, never trusted. */
class BacnetClientMalformedReplyTest {
    private static final RequestOptions OPTIONS = new RequestOptions(Duration.ofMillis(500), 0);
    private static final PropertyReference AI1_PV = PropertyReference.of(new ObjectIdentifier(0, 1), 85);

    private BacnetClient client;
    private DatagramSocket device;
    private PeerAddress peer;

    @BeforeEach
    void open() throws Exception {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        client = BacnetClient.open(loopback);
        device = new DatagramSocket(loopback);
        device.setSoTimeout(2000);
        peer = PeerAddress.local((InetSocketAddress) device.getLocalSocketAddress());
    }

    @AfterEach
    void close() {
        client.close();
        device.close();
    }

    /** Answers the next request with {@code reply(invokeId)} on a background thread. */
    private Future<?> answerOnce(Function<Integer, Apdu> reply) {
        return Executors.newSingleThreadExecutor().submit(() -> {
            DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
            device.receive(p);
            Npdu npdu = Npdu.decode(Bvlc.decode(Arrays.copyOf(p.getData(), p.getLength()), p.getLength()).npdu());
            int invokeId = Apdu.decode(npdu.apdu()).invokeId();
            byte[] frame = Bvlc.originalUnicast(Npdu.local(false, reply.apply(invokeId).encode()).encode());
            device.send(new DatagramPacket(frame, frame.length, p.getSocketAddress()));
            return null;
        });
    }

    @Test
    void aTruncatedReadPropertyAckIsRefused() throws Exception {
        answerOnce(id -> Apdu.ComplexAck.of(id, 12, new byte[] {0x0C, 0x00, 0x00}));
        assertThatThrownBy(() -> client.readProperty(peer, AI1_PV, OPTIONS))
                .isInstanceOf(BacnetException.class).hasMessage("malformed ReadProperty-ACK: tag 0 declares 4 octets, only 2 remain");
    }

    @Test
    void anAckForAnotherPropertyIsRefused() throws Exception {
        PropertyReference other = PropertyReference.of(new ObjectIdentifier(0, 2), 85);
        answerOnce(id -> Apdu.ComplexAck.of(id, 12, ReadProperty.encodeAck(other, List.of(new BacnetValue.RealValue(1)))));
        assertThatThrownBy(() -> client.readProperty(peer, AI1_PV, OPTIONS))
                .isInstanceOf(BacnetException.class)
                .hasMessage("ReadProperty-ACK for analog-input,2 present-value, asked for analog-input,1 present-value");
    }

    @Test
    void anRpmAckWithMissingResultsIsRefused() throws Exception {
        PropertyReference second = PropertyReference.of(new ObjectIdentifier(0, 1), 103);
        answerOnce(id -> Apdu.ComplexAck.of(id, 14, ReadPropertyMultiple.encodeAck(List.of(
                io.plantd.drivers.bacnet.codec.PropertyResult.ok(AI1_PV, List.of(new BacnetValue.RealValue(1)))))));
        assertThatThrownBy(() -> client.readPropertyMultiple(peer, List.of(AI1_PV, second), OPTIONS))
                .isInstanceOf(BacnetException.class).hasMessage("ReadPropertyMultiple-ACK has 1 results for 2 properties");
    }

    @Test
    void aSimpleAckToAReadIsRefused() throws Exception {
        answerOnce(id -> new Apdu.SimpleAck(id, 12));
        assertThatThrownBy(() -> client.readProperty(peer, AI1_PV, OPTIONS))
                .isInstanceOf(BacnetException.class).hasMessage("expected a Complex-ACK, got SimpleAck");
        assertThat(client.transport().localAddress().getPort()).isPositive();
    }
}
