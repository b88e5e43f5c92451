package io.plantd.sim.bacnet;

import io.plantd.drivers.bacnet.codec.Apdu;
import io.plantd.drivers.bacnet.codec.BacnetCodecException;
import io.plantd.drivers.bacnet.codec.Bvlc;
import io.plantd.drivers.bacnet.codec.CovNotification;
import io.plantd.drivers.bacnet.codec.IAm;
import io.plantd.drivers.bacnet.codec.Npdu;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.PropertyResult;
import io.plantd.drivers.bacnet.codec.ReadProperty;
import io.plantd.drivers.bacnet.codec.ReadPropertyMultiple;
import io.plantd.drivers.bacnet.codec.Reasons;
import io.plantd.drivers.bacnet.codec.ServiceChoice;
import io.plantd.drivers.bacnet.codec.SubscribeCov;
import io.plantd.drivers.bacnet.codec.WhoIs;
import io.plantd.drivers.bacnet.codec.WriteProperty;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BACnet/IP device on a UDP port (loopback by default) answering Who-Is, ReadProperty,
 * ReadPropertyMultiple, WriteProperty and SubscribeCOV (unconfirmed notifications on every
 * Present_Value change) from a {@link BacnetObjectTable}. It never segments:
 * a reply longer than the requester's or its own max APDU is answered with Abort
 * segmentation-not-supported, as a real small controller does. Test knobs: refuse RPM, go
 * silent, or sit behind a virtual router on a remote network (SNET/SADR in replies).
 */
public final class SimulatedBacnetDevice implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulatedBacnetDevice.class);

    private final BacnetObjectTable table;
    private final DatagramSocket socket;
    private final Thread thread;
    private final int routedNetwork;
    private final byte[] routedMac;
    private volatile boolean supportsRpm = true;
    private volatile boolean silent;
    private volatile boolean closed;
    private final AtomicInteger confirmedRequests = new AtomicInteger();
    private final AtomicInteger covSubscribeRequests = new AtomicInteger();
    private final Map<CovKey, Long> covSubscriptions = new ConcurrentHashMap<>();

    /** A COV subscriber: where to send, its network/MAC if routed (-1/""), its process and object. */
    private record CovKey(InetSocketAddress to, int snet, String sadrHex, long processId, ObjectIdentifier object) {
        Npdu returnPath() {
            return snet < 0 ? null : new Npdu(false, false, 0, -1, null, snet,
                    java.util.HexFormat.of().parseHex(sadrHex), 0, -1, null);
        }
    }

    private SimulatedBacnetDevice(BacnetObjectTable table, DatagramSocket socket, int routedNetwork, byte[] routedMac) {
        this.table = table;
        this.socket = socket;
        this.routedNetwork = routedNetwork;
        this.routedMac = routedMac;
        table.onPresentValueChange(this::notifyCov);
        this.thread = new Thread(this::serve, "sim-bacnet-" + table.deviceId().instance());
        thread.setDaemon(true);
        thread.start();
    }

    /** Serves {@code table} on 127.0.0.1:{@code port} (0 = any free port). */
    public static SimulatedBacnetDevice start(BacnetObjectTable table, int port) throws IOException {
        return start(table, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    public static SimulatedBacnetDevice start(BacnetObjectTable table, InetSocketAddress bind) throws IOException {
        return new SimulatedBacnetDevice(table, bind(bind), -1, null);
    }

    /**
     * Serves {@code table} as an MS/TP-style device with MAC {@code mac} on remote network
     * {@code network}, behind a virtual router at {@code bind}: it answers only requests
     * carrying that DNET/DADR and replies with SNET/SADR (clause 6.2.2).
     */
    public static SimulatedBacnetDevice startBehindRouter(BacnetObjectTable table, InetSocketAddress bind,
                                                          int network, byte[] mac) throws IOException {
        return new SimulatedBacnetDevice(table, bind(bind), network, mac.clone());
    }

    private static DatagramSocket bind(InetSocketAddress bind) throws IOException {
        DatagramSocket s = new DatagramSocket(null);
        s.setReuseAddress(true);
        s.bind(bind);
        return s;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public BacnetObjectTable table() {
        return table;
    }

    /** When false, ReadPropertyMultiple is rejected with unrecognized-service. */
    public void setSupportsReadPropertyMultiple(boolean supported) {
        this.supportsRpm = supported;
    }

    /** A silent device drops every datagram (pulled cable, crashed controller). */
    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    public int confirmedRequestsServed() {
        return confirmedRequests.get();
    }

    /** SubscribeCOV requests received (subscriptions, renewals and cancellations). */
    public int covSubscribeRequests() {
        return covSubscribeRequests.get();
    }

    public int activeCovSubscriptions() {
        long now = System.nanoTime();
        return (int) covSubscriptions.values().stream().filter(expiry -> expiry - now > 0).count();
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        byte[] buf = new byte[2048];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                continue;
            }
            if (silent) {
                continue;
            }
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            try {
                handle(from, Arrays.copyOf(packet.getData(), packet.getLength()));
            } catch (BacnetCodecException | IllegalArgumentException e) {
                log.debug("sim dropped datagram from {}: {}", from, e.getMessage());
            } catch (IOException e) {
                log.debug("sim could not reply to {}: {}", from, e.getMessage());
            }
        }
    }

    private void handle(InetSocketAddress from, byte[] datagram) throws IOException {
        Bvlc.Message bvlc = Bvlc.decode(datagram, datagram.length);
        if (!bvlc.carriesNpdu()) {
            return;
        }
        InetSocketAddress replyTo = bvlc.origin() != null ? bvlc.origin() : from;
        Npdu npdu = Npdu.decode(bvlc.npdu());
        if (npdu.networkLayerMessage() || !addressedToMe(npdu)) {
            return;
        }
        // The requester's own network address, when it sits behind a router, goes back as DNET/DADR.
        Npdu back = npdu.hasSource() ? npdu : null;
        Apdu apdu;
        try {
            apdu = Apdu.decode(npdu.apdu());
        } catch (BacnetCodecException e) {
            return; // not even an APDU header: nothing to answer
        }
        if (apdu instanceof Apdu.UnconfirmedRequest u) {
            if (u.service() == ServiceChoice.WHO_IS && WhoIs.decode(u.serviceRequest()).matches(table.deviceId().instance())) {
                IAm iAm = new IAm(table.deviceId(), table.maxApdu(), IAm.NO_SEGMENTATION, 999);
                send(replyTo, back, false, new Apdu.UnconfirmedRequest(ServiceChoice.I_AM, iAm.encode()).encode());
            }
        } else if (apdu instanceof Apdu.ConfirmedRequest c) {
            confirmedRequests.incrementAndGet();
            Apdu reply = c.service() == ServiceChoice.SUBSCRIBE_COV && !c.segmented()
                    ? subscribeCov(c, replyTo, back) : answer(c);
            send(replyTo, back, false, reply.encode());
        }
    }

    private boolean addressedToMe(Npdu npdu) {
        if (routedNetwork < 0) {
            return !npdu.hasDestination() || npdu.dnet() == 0xFFFF;
        }
        if (!npdu.hasDestination()) {
            return false; // a device behind a router only hears what the router forwards to it
        }
        return npdu.dnet() == 0xFFFF || (npdu.dnet() == routedNetwork
                && (npdu.dadr().length == 0 || Arrays.equals(npdu.dadr(), routedMac)));
    }

    private Apdu answer(Apdu.ConfirmedRequest c) {
        if (c.segmented()) {
            return new Apdu.AbortPdu(true, c.invokeId(), Reasons.ABORT_SEGMENTATION_NOT_SUPPORTED);
        }
        Apdu reply;
        try {
            reply = switch (c.service()) {
                case ServiceChoice.READ_PROPERTY -> readProperty(c);
                case ServiceChoice.READ_PROPERTY_MULTIPLE -> supportsRpm ? readPropertyMultiple(c)
                        : new Apdu.RejectPdu(c.invokeId(), Reasons.REJECT_UNRECOGNIZED_SERVICE);
                case ServiceChoice.WRITE_PROPERTY -> writeProperty(c);
                default -> new Apdu.RejectPdu(c.invokeId(), Reasons.REJECT_UNRECOGNIZED_SERVICE);
            };
        } catch (BacnetCodecException | IllegalArgumentException e) {
            return new Apdu.RejectPdu(c.invokeId(), 4); // invalid-tag: the request did not parse
        }
        int limit = Math.min(c.maxApduLength(), table.maxApdu());
        byte[] encoded = reply.encode();
        if (encoded.length > limit) {
            // Unsegmented replies only: the requester must ask for less (clause 5.4.5.2).
            return new Apdu.AbortPdu(true, c.invokeId(), Reasons.ABORT_SEGMENTATION_NOT_SUPPORTED);
        }
        return reply;
    }

    private Apdu subscribeCov(Apdu.ConfirmedRequest c, InetSocketAddress from, Npdu back) {
        covSubscribeRequests.incrementAndGet();
        SubscribeCov request;
        try {
            request = SubscribeCov.decode(c.serviceRequest());
        } catch (BacnetCodecException | IllegalArgumentException e) {
            return new Apdu.RejectPdu(c.invokeId(), 4);
        }
        if (!table.exists(request.monitoredObject())) {
            return new Apdu.ErrorPdu(c.invokeId(), c.service(), Reasons.ERROR_CLASS_OBJECT,
                    Reasons.ERROR_CODE_UNKNOWN_OBJECT);
        }
        CovKey key = new CovKey(from, back == null ? -1 : back.snet(),
                back == null ? "" : java.util.HexFormat.of().formatHex(back.sadr()),
                request.subscriberProcessId(), request.monitoredObject());
        if (request.isCancellation()) {
            covSubscriptions.remove(key);
        } else {
            // Lifetime 0 means indefinite (clause 13.14.1.1.4).
            long lifetime = request.lifetimeSeconds() <= 0 ? 3_650L * 86_400 : request.lifetimeSeconds();
            covSubscriptions.put(key, System.nanoTime() + TimeUnit.SECONDS.toNanos(lifetime));
        }
        return new Apdu.SimpleAck(c.invokeId(), c.service());
    }

    private void notifyCov(ObjectIdentifier object) {
        long now = System.nanoTime();
        covSubscriptions.entrySet().removeIf(e -> e.getValue() - now <= 0); // lapsed subscriptions
        covSubscriptions.forEach((key, expiry) -> {
            if (!key.object().equals(object)) {
                return;
            }
            List<PropertyResult> values = List.of(
                    PropertyResult.ok(PropertyReference.of(object, PropertyIds.PRESENT_VALUE),
                            table.read(PropertyReference.of(object, PropertyIds.PRESENT_VALUE)).values()),
                    PropertyResult.ok(PropertyReference.of(object, PropertyIds.STATUS_FLAGS),
                            table.read(PropertyReference.of(object, PropertyIds.STATUS_FLAGS)).values()));
            CovNotification n = new CovNotification(key.processId(), table.deviceId(), object,
                    TimeUnit.NANOSECONDS.toSeconds(expiry - now), values);
            try {
                send(key.to(), key.returnPath(), false, new Apdu.UnconfirmedRequest(
                        ServiceChoice.UNCONFIRMED_COV_NOTIFICATION, n.encode()).encode());
            } catch (IOException e) {
                log.debug("sim could not send COV notification to {}: {}", key.to(), e.getMessage());
            }
        });
    }

    private Apdu readProperty(Apdu.ConfirmedRequest c) {
        PropertyReference ref = ReadProperty.decodeRequest(c.serviceRequest());
        PropertyOutcome outcome = table.read(ref);
        if (outcome.isError()) {
            return new Apdu.ErrorPdu(c.invokeId(), c.service(), outcome.errorClass(), outcome.errorCode());
        }
        return Apdu.ComplexAck.of(c.invokeId(), c.service(), ReadProperty.encodeAck(ref, outcome.values()));
    }

    private Apdu readPropertyMultiple(Apdu.ConfirmedRequest c) {
        List<PropertyResult> results = new ArrayList<>();
        for (PropertyReference ref : ReadPropertyMultiple.decodeRequest(c.serviceRequest())) {
            PropertyOutcome outcome = table.read(ref);
            results.add(outcome.isError() ? PropertyResult.error(ref, outcome.errorClass(), outcome.errorCode())
                    : PropertyResult.ok(ref, outcome.values()));
        }
        return Apdu.ComplexAck.of(c.invokeId(), c.service(), ReadPropertyMultiple.encodeAck(results));
    }

    private Apdu writeProperty(Apdu.ConfirmedRequest c) {
        WriteProperty write = WriteProperty.decode(c.serviceRequest());
        PropertyOutcome outcome = table.write(write.reference(), write.values(), write.priority());
        if (outcome.isError()) {
            return new Apdu.ErrorPdu(c.invokeId(), c.service(), outcome.errorClass(), outcome.errorCode());
        }
        return new Apdu.SimpleAck(c.invokeId(), c.service());
    }

    private void send(InetSocketAddress to, Npdu requestNpdu, boolean expectingReply, byte[] apdu) throws IOException {
        int dnet = requestNpdu != null ? requestNpdu.snet() : -1;
        byte[] dadr = requestNpdu != null ? requestNpdu.sadr() : null;
        int snet = routedNetwork;
        byte[] sadr = routedNetwork >= 0 ? routedMac : null;
        Npdu npdu = new Npdu(false, expectingReply, 0, dnet, dadr, snet, sadr, dnet >= 0 ? Npdu.DEFAULT_HOP_COUNT : 0,
                -1, apdu);
        byte[] frame = Bvlc.originalUnicast(npdu.encode());
        socket.send(new DatagramPacket(frame, frame.length, to));
    }
}
