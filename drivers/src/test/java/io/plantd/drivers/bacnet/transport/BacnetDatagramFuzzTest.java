package io.plantd.drivers.bacnet.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.bacnet.codec.Apdu;
import io.plantd.drivers.bacnet.codec.BacnetCodecException;
import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.Bvlc;
import io.plantd.drivers.bacnet.codec.IAm;
import io.plantd.drivers.bacnet.codec.Npdu;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.PropertyResult;
import io.plantd.drivers.bacnet.codec.ReadProperty;
import io.plantd.drivers.bacnet.codec.ReadPropertyMultiple;
import io.plantd.drivers.bacnet.codec.ServiceChoice;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile BACnet/IP datagrams: valid replies (ReadProperty and ReadPropertyMultiple acks,
 * Simple-ACK, Error, Reject, Abort, I-Am) truncated, bit-flipped, or replaced by random bytes.
 * Through the codec chain (BVLC, NPDU, APDU, service) the only failure is a
 * {@link BacnetCodecException} with a reason, and a datagram cut short is always refused.
 * Through a real {@link BacnetTransport} on loopback, an outstanding request completes only with
 * a reply whose BVLC, NPDU and APDU decode and carry its invoke id, otherwise fails with a
 * reasoned {@link BacnetException}; the valid reply sent after the garbage is never lost (unless a
 * mutated datagram was itself a well-formed answer); the receive thread survives everything.
 */
class BacnetDatagramFuzzTest {
    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static BacnetTransport transport;
    private static DatagramSocket device;
    private static PeerAddress peer;

    @BeforeContainer
    static void open() throws Exception {
        transport = BacnetTransport.open(ANY_LOOPBACK);
        device = new DatagramSocket(ANY_LOOPBACK);
        device.setSoTimeout(2000);
        peer = PeerAddress.local((InetSocketAddress) device.getLocalSocketAddress());
    }

    @AfterContainer
    static void close() {
        transport.close();
        device.close();
    }

    enum Mutation { NONE, TRUNCATE, FLIP, RANDOM }

    @Property
    void codecChainRefusesWithAReasonAndNeverReadsACutDatagram(@ForAll long seed, @ForAll Mutation mutation) {
        Random r = new Random(seed);
        byte[] valid = validDatagram(r, r.nextInt(256));
        byte[] datagram = mutate(valid, mutation, r);
        try {
            decodeFully(datagram);
            assertThat(mutation).as("a datagram cut to %d of %d bytes decoded", datagram.length, valid.length)
                    .isNotEqualTo(Mutation.TRUNCATE);
        } catch (BacnetCodecException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(mutation).as("a valid datagram was refused: %s", e.getMessage()).isNotEqualTo(Mutation.NONE);
        }
    }

    @Property(tries = 200)
    void transportCompletesOnlyWithWellFormedReplies(@ForAll long seed, @ForAll boolean sendValidReply) throws Exception {
        Random r = new Random(seed);
        Duration timeout = Duration.ofMillis(sendValidReply ? 3000 : 40);
        CompletableFuture<Apdu> f = transport.request(peer, ServiceChoice.READ_PROPERTY,
                ReadProperty.encodeRequest(reference(r)), timeout, 0);
        int invokeId = receiveInvokeId();

        List<byte[]> wellFormedForUs = new ArrayList<>();
        boolean hostileAnswered = false;
        int hostile = 1 + r.nextInt(3);
        for (int i = 0; i < hostile; i++) {
            Mutation m = Mutation.values()[1 + r.nextInt(3)];
            byte[] d = mutate(validDatagram(r, r.nextBoolean() ? invokeId : r.nextInt(256)), m, r);
            Apdu decoded = replyFor(d, invokeId);
            if (decoded != null) {
                wellFormedForUs.add(decoded.encode());
                hostileAnswered = true;
            }
            send(d);
        }
        byte[] valid = null;
        if (sendValidReply) {
            valid = Bvlc.originalUnicast(Npdu.local(false, Apdu.ComplexAck.of(invokeId, ServiceChoice.READ_PROPERTY,
                    ReadProperty.encodeAck(reference(r), List.of(new BacnetValue.RealValue(r.nextFloat())))).encode())
                    .encode());
            wellFormedForUs.add(replyFor(valid, invokeId).encode());
            send(valid);
        }
        try {
            Apdu result = f.get(5, TimeUnit.SECONDS);
            assertThat(wellFormedForUs).as("completed only by a reply that decodes in full")
                    .anySatisfy(b -> assertThat(b).isEqualTo(result.encode()));
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(BacnetException.class);
            assertThat(((BacnetException) e.getCause()).reason()).isNotBlank();
            assertThat(valid != null && !hostileAnswered).as("the valid reply was lost: %s", e.getCause().getMessage())
                    .isFalse();
        }
        assertThat(transport.outstandingTransactions()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The next request's invoke id. Skips the client's own Abort PDUs: it rightly aborts a hostile
     * segmented reply of an earlier try, and that abort can still be queued on the device socket.
     */
    private static int receiveInvokeId() throws Exception {
        while (true) {
            DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
            device.receive(p);
            Bvlc.Message m = Bvlc.decode(Arrays.copyOf(p.getData(), p.getLength()), p.getLength());
            if (Apdu.decode(Npdu.decode(m.npdu()).apdu()) instanceof Apdu.ConfirmedRequest request) {
                return request.invokeId();
            }
        }
    }

    private static void send(byte[] d) throws Exception {
        device.send(new DatagramPacket(d, d.length, transport.localAddress()));
    }

    /**
     * The reply APDU {@code d} carries for {@code invokeId} when BVLC, NPDU and APDU decode, else
     * null (service payloads are the client's business, not the transport's).
     */
    private static Apdu replyFor(byte[] d, int invokeId) {
        try {
            Apdu a = Apdu.decode(Npdu.decode(Bvlc.decode(d, d.length).npdu()).apdu());
            int id = -1;
            if (a instanceof Apdu.ComplexAck c) {
                id = c.invokeId();
            } else if (a instanceof Apdu.SimpleAck s) {
                id = s.invokeId();
            } else if (a instanceof Apdu.ErrorPdu e) {
                id = e.invokeId();
            } else if (a instanceof Apdu.RejectPdu j) {
                id = j.invokeId();
            } else if (a instanceof Apdu.AbortPdu b) {
                id = b.invokeId();
            }
            return id == invokeId ? a : null;
        } catch (BacnetCodecException e) {
            return null;
        }
    }

    /** BVLC, NPDU, APDU and the service payload; throws BacnetCodecException on any refusal. */
    private static Apdu decodeFully(byte[] datagram) {
        Bvlc.Message m = Bvlc.decode(datagram, datagram.length);
        Npdu n = Npdu.decode(m.npdu());
        Apdu a = Apdu.decode(n.apdu());
        if (a instanceof Apdu.ComplexAck c && !c.segmented()) {
            if (c.service() == ServiceChoice.READ_PROPERTY) {
                ReadProperty.decodeAck(c.serviceAck());
            } else if (c.service() == ServiceChoice.READ_PROPERTY_MULTIPLE) {
                ReadPropertyMultiple.decodeAck(c.serviceAck());
            }
        } else if (a instanceof Apdu.UnconfirmedRequest u && u.service() == ServiceChoice.I_AM) {
            IAm.decode(u.serviceRequest());
        }
        return a;
    }

    private static byte[] mutate(byte[] valid, Mutation m, Random r) {
        return switch (m) {
            case NONE -> valid;
            case TRUNCATE -> Arrays.copyOf(valid, r.nextInt(valid.length));
            case FLIP -> {
                byte[] b = valid.clone();
                for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                yield b;
            }
            case RANDOM -> {
                byte[] b = new byte[r.nextInt(80)];
                r.nextBytes(b);
                if (b.length > 1 && r.nextBoolean()) {
                    b[0] = (byte) Bvlc.TYPE_BACNET_IP; // get past the first check more often
                }
                yield b;
            }
        };
    }

    private static PropertyReference reference(Random r) {
        return new PropertyReference(new ObjectIdentifier(r.nextInt(1024), r.nextInt(0x3FFFFF)), r.nextInt(200),
                r.nextInt(4) == 0 ? r.nextInt(10) : -1);
    }

    private static BacnetValue value(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> new BacnetValue.RealValue(r.nextFloat() * 1000);
            case 1 -> new BacnetValue.EnumeratedValue(r.nextInt(4));
            case 2 -> new BacnetValue.UnsignedValue(r.nextInt(100_000));
            case 3 -> new BacnetValue.BooleanValue(r.nextBoolean());
            default -> new BacnetValue.CharacterStringValue("v" + r.nextInt(1000));
        };
    }

    private static byte[] validDatagram(Random r, int invokeId) {
        Apdu apdu = switch (r.nextInt(7)) {
            case 0, 1 -> Apdu.ComplexAck.of(invokeId, ServiceChoice.READ_PROPERTY,
                    ReadProperty.encodeAck(reference(r), List.of(value(r))));
            case 2 -> {
                List<PropertyResult> results = new ArrayList<>();
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    results.add(r.nextInt(4) == 0 ? PropertyResult.error(reference(r), 2, 32)
                            : PropertyResult.ok(reference(r), List.of(value(r))));
                }
                yield Apdu.ComplexAck.of(invokeId, ServiceChoice.READ_PROPERTY_MULTIPLE,
                        ReadPropertyMultiple.encodeAck(results));
            }
            case 3 -> new Apdu.SimpleAck(invokeId, ServiceChoice.READ_PROPERTY);
            case 4 -> new Apdu.ErrorPdu(invokeId, ServiceChoice.READ_PROPERTY, r.nextInt(8), r.nextInt(64));
            case 5 -> new Apdu.AbortPdu(true, invokeId, r.nextInt(12));
            default -> new Apdu.UnconfirmedRequest(ServiceChoice.I_AM,
                    new IAm(new ObjectIdentifier(8, r.nextInt(0x3FFFFF)), 1476, IAm.NO_SEGMENTATION, r.nextInt(1000))
                            .encode());
        };
        return Bvlc.originalUnicast(Npdu.local(false, apdu.encode()).encode());
    }
}
