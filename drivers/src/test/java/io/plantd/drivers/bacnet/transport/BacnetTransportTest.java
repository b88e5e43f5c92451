package io.plantd.drivers.bacnet.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.bacnet.codec.Apdu;
import io.plantd.drivers.bacnet.codec.Bvlc;
import io.plantd.drivers.bacnet.codec.IAm;
import io.plantd.drivers.bacnet.codec.Npdu;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.ServiceChoice;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transaction layer against a scripted device: a raw UDP socket on loopback. */
class BacnetTransportTest {
    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private BacnetTransport transport;
    private DatagramSocket device;
    private PeerAddress peer;

    @BeforeEach
    void open() throws Exception {
        transport = BacnetTransport.open(ANY_LOOPBACK);
        device = new DatagramSocket(ANY_LOOPBACK);
        device.setSoTimeout(2000);
        peer = PeerAddress.local((InetSocketAddress) device.getLocalSocketAddress());
    }

    @AfterEach
    void close() {
        transport.close();
        device.close();
    }

    /** Receives one request at the scripted device and returns its confirmed-request APDU. */
    private Apdu.ConfirmedRequest receiveRequest() throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        device.receive(p);
        Bvlc.Message m = Bvlc.decode(Arrays.copyOf(p.getData(), p.getLength()), p.getLength());
        assertThat(m.function()).isEqualTo(Bvlc.ORIGINAL_UNICAST_NPDU);
        Npdu npdu = Npdu.decode(m.npdu());
        assertThat(npdu.expectingReply()).isTrue();
        return (Apdu.ConfirmedRequest) Apdu.decode(npdu.apdu());
    }

    private void reply(Apdu apdu) throws Exception {
        reply(device, apdu);
    }

    private void reply(DatagramSocket from, Apdu apdu) throws Exception {
        byte[] frame = Bvlc.originalUnicast(Npdu.local(false, apdu.encode()).encode());
        from.send(new DatagramPacket(frame, frame.length, transport.localAddress()));
    }

    @Test
    void requestsNeverAcceptSegmentationAndOutstandingIdsAreNeverReused() throws Exception {
        Set<Integer> ids = new HashSet<>();
        java.util.List<CompletableFuture<Apdu>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 256; i++) {
            futures.add(transport.request(peer, ServiceChoice.READ_PROPERTY, new byte[] {0x19, 0x55},
                    Duration.ofSeconds(10), 0));
            Apdu.ConfirmedRequest req = receiveRequest();
            assertThat(req.segmentedResponseAccepted()).isFalse();
            assertThat(req.maxApduLength()).isEqualTo(1476);
            ids.add(req.invokeId());
        }
        assertThat(ids).hasSize(256);
        // All 256 are outstanding: the 257th cannot get an ID and fails instead of reusing one.
        assertThat(transport.request(peer, 12, new byte[0], Duration.ofSeconds(1), 0))
                .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("all 256 invoke IDs outstanding");

        reply(new Apdu.SimpleAck(17, ServiceChoice.READ_PROPERTY));
        assertThat(futures.get(17).get(2, TimeUnit.SECONDS)).isEqualTo(new Apdu.SimpleAck(17, 12));
        // ID 17 is free again and is the only one that can be handed out.
        transport.request(peer, 12, new byte[0], Duration.ofSeconds(10), 0);
        assertThat(receiveRequest().invokeId()).isEqualTo(17);
    }

    @Test
    void retransmitsWithTheSameInvokeIdThenTimesOut() throws Exception {
        CompletableFuture<Apdu> f = transport.request(peer, 12, new byte[] {1}, Duration.ofMillis(150), 2);
        int first = receiveRequest().invokeId();
        assertThat(receiveRequest().invokeId()).isEqualTo(first);
        assertThat(receiveRequest().invokeId()).isEqualTo(first);
        assertThat(f).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(BacnetTimeoutException.class)
                .withMessage("timeout after 3 attempts of 150 ms");
        assertThat(transport.outstandingTransactions()).isZero();
    }

    @Test
    void aReplyFromAnotherAddressDoesNotCompleteTheTransaction() throws Exception {
        CompletableFuture<Apdu> f = transport.request(peer, 12, new byte[0], Duration.ofSeconds(2), 0);
        int id = receiveRequest().invokeId();
        try (DatagramSocket impostor = new DatagramSocket(ANY_LOOPBACK)) {
            reply(impostor, new Apdu.SimpleAck(id, 12));
        }
        Thread.sleep(100);
        assertThat(f).isNotDone();
        reply(new Apdu.RejectPdu(id, 9));
        assertThat(f).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(BacnetRejectException.class).withMessage("reject unrecognized-service");
    }

    @Test
    void aSegmentedReplyIsAbortedWithSegmentationNotSupported() throws Exception {
        CompletableFuture<Apdu> f = transport.request(peer, 14, new byte[0], Duration.ofSeconds(2), 0);
        int id = receiveRequest().invokeId();
        reply(new Apdu.ComplexAck(true, true, id, 0, 4, 14, new byte[] {0x0C}));
        assertThat(f).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(BacnetAbortException.class)
                .withMessage("abort segmentation-not-supported (sent by plantd)");
        DatagramPacket p = new DatagramPacket(new byte[100], 100);
        device.receive(p);
        Npdu npdu = Npdu.decode(Bvlc.decode(Arrays.copyOf(p.getData(), p.getLength()), p.getLength()).npdu());
        assertThat(Apdu.decode(npdu.apdu())).isEqualTo(new Apdu.AbortPdu(false, id, 4));
    }

    @Test
    void errorAndAbortRepliesBecomeTypedExceptions() throws Exception {
        CompletableFuture<Apdu> error = transport.request(peer, 15, new byte[0], Duration.ofSeconds(2), 0);
        reply(new Apdu.ErrorPdu(receiveRequest().invokeId(), 15, 2, 40));
        assertThat(error).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(BacnetErrorException.class)
                .withMessage("bacnet error property/write-access-denied");

        CompletableFuture<Apdu> abort = transport.request(peer, 14, new byte[0], Duration.ofSeconds(2), 0);
        reply(new Apdu.AbortPdu(true, receiveRequest().invokeId(), 4));
        assertThat(abort).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(BacnetAbortException.class,
                        e -> assertThat(e.replyTooLarge()).isTrue())
                .withMessage("abort segmentation-not-supported");
    }

    @Test
    void registersAsForeignDeviceAndThenBroadcastsThroughTheBbmd() throws Exception {
        InetSocketAddress bbmd = (InetSocketAddress) device.getLocalSocketAddress();
        CompletableFuture<Integer> result = transport.registerForeignDevice(bbmd, 300, Duration.ofSeconds(2));
        DatagramPacket p = new DatagramPacket(new byte[100], 100);
        device.receive(p);
        Bvlc.Message reg = Bvlc.decode(Arrays.copyOf(p.getData(), p.getLength()), p.getLength());
        assertThat(reg.function()).isEqualTo(Bvlc.REGISTER_FOREIGN_DEVICE);
        assertThat(reg.timeToLiveSeconds()).isEqualTo(300);
        byte[] ack = Bvlc.result(Bvlc.RESULT_SUCCESSFUL_COMPLETION);
        device.send(new DatagramPacket(ack, ack.length, transport.localAddress()));
        assertThat(result.get(2, TimeUnit.SECONDS)).isZero();

        transport.broadcastUnconfirmed(new InetSocketAddress("255.255.255.255", 47808),
                new Apdu.UnconfirmedRequest(ServiceChoice.WHO_IS, new byte[0]));
        device.receive(p);
        Bvlc.Message who = Bvlc.decode(Arrays.copyOf(p.getData(), p.getLength()), p.getLength());
        assertThat(who.function()).isEqualTo(Bvlc.DISTRIBUTE_BROADCAST_TO_NETWORK);
    }

    @Test
    void keepsTheForeignDeviceRegistrationAlive() throws Exception {
        InetSocketAddress bbmd = (InetSocketAddress) device.getLocalSocketAddress();
        CompletableFuture<Integer> first = transport.keepRegisteredAsForeignDevice(bbmd, 2, Duration.ofSeconds(1));
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            DatagramPacket p = new DatagramPacket(new byte[100], 100);
            device.receive(p);
            Bvlc.Message reg = Bvlc.decode(Arrays.copyOf(p.getData(), p.getLength()), p.getLength());
            assertThat(reg.function()).isEqualTo(Bvlc.REGISTER_FOREIGN_DEVICE);
            assertThat(reg.timeToLiveSeconds()).isEqualTo(2);
            byte[] ack = Bvlc.result(Bvlc.RESULT_SUCCESSFUL_COMPLETION);
            device.send(new DatagramPacket(ack, ack.length, transport.localAddress()));
        }
        assertThat(first.get(1, TimeUnit.SECONDS)).isZero();
        // Registration plus two renewals at TTL/2 = 1 s: about 2 s, well inside the 2 s + 30 s grace.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
    }

    @Test
    void aForwardedIAmIsAttributedToItsOriginalSender() throws Exception {
        CopyOnWriteArrayList<PeerAddress> sources = new CopyOnWriteArrayList<>();
        transport.onUnconfirmed((source, request) -> sources.add(source));
        InetSocketAddress origin = new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 47808);
        IAm iAm = new IAm(new ObjectIdentifier(8, 77), 480, IAm.NO_SEGMENTATION, 5);
        byte[] frame = Bvlc.forwarded(origin, Npdu.local(false,
                new Apdu.UnconfirmedRequest(ServiceChoice.I_AM, iAm.encode()).encode()).encode());
        device.send(new DatagramPacket(frame, frame.length, transport.localAddress()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> !sources.isEmpty());
        assertThat(sources).containsExactly(PeerAddress.local(origin));
    }

    @Test
    void malformedDatagramsAreDroppedWithoutStoppingTheReceiver() throws Exception {
        for (byte[] junk : new byte[][] {{0x01, 0x02}, {(byte) 0x81, 0x0A, 0x00, 0x10, 0x01}, new byte[0]}) {
            device.send(new DatagramPacket(junk, junk.length, transport.localAddress()));
        }
        CompletableFuture<Apdu> f = transport.request(peer, 12, new byte[0], Duration.ofSeconds(2), 0);
        reply(new Apdu.SimpleAck(receiveRequest().invokeId(), 12));
        assertThat(f.get(2, TimeUnit.SECONDS)).isInstanceOf(Apdu.SimpleAck.class);
    }
}
