package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.bacnet.codec.Apdu;
import io.plantd.drivers.bacnet.codec.BacnetCodecException;
import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.CovNotification;
import io.plantd.drivers.bacnet.codec.IAm;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.PropertyResult;
import io.plantd.drivers.bacnet.codec.ReadProperty;
import io.plantd.drivers.bacnet.codec.ReadPropertyMultiple;
import io.plantd.drivers.bacnet.codec.ServiceChoice;
import io.plantd.drivers.bacnet.codec.SubscribeCov;
import io.plantd.drivers.bacnet.codec.WhoIs;
import io.plantd.drivers.bacnet.codec.WriteProperty;
import io.plantd.drivers.bacnet.transport.BacnetException;
import io.plantd.drivers.bacnet.transport.BacnetTransport;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BACnet services plantd uses, as blocking calls over one {@link BacnetTransport}. Safe to
 * call from several device threads at once: each call is its own transaction.
 */
public final class BacnetClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BacnetClient.class);

    private final BacnetTransport transport;
    private final Map<PeerAddress, IAm> iAms = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<DeviceInfo>> iAmListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.BiConsumer<PeerAddress, CovNotification>> covListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public BacnetClient(BacnetTransport transport) {
        this.transport = transport;
        transport.onUnconfirmed(this::onUnconfirmed);
    }

    public static BacnetClient open(InetSocketAddress bind) throws IOException {
        return new BacnetClient(BacnetTransport.open(bind));
    }

    public BacnetTransport transport() {
        return transport;
    }

    /**
     * Sends Who-Is as a local IP broadcast (e.g. to 192.168.1.255:47808, or through the BBMD
     * when registered as a foreign device) and collects the I-Ams for instances in the range
     * that arrive within {@code wait}.
     */
    public List<DeviceInfo> whoIsBroadcast(InetSocketAddress broadcast, WhoIs range, Duration wait)
            throws IOException, InterruptedException {
        return collectIAms(range, wait, request -> transport.broadcastUnconfirmed(broadcast, request));
    }

    /**
     * Sends Who-Is to one address: a device, or through a router to a remote network
     * ({@link PeerAddress#routed} with an empty MAC, or {@link PeerAddress#globalBroadcast}).
     */
    public List<DeviceInfo> whoIs(PeerAddress target, WhoIs range, Duration wait)
            throws IOException, InterruptedException {
        return collectIAms(range, wait, request -> transport.sendUnconfirmed(target, request));
    }

    private interface Sender {
        void send(Apdu.UnconfirmedRequest request) throws IOException;
    }

    private List<DeviceInfo> collectIAms(WhoIs range, Duration wait, Sender sender)
            throws IOException, InterruptedException {
        List<DeviceInfo> found = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Consumer<DeviceInfo> listener = info -> {
            synchronized (found) {
                if (range.matches(info.instance()) && found.stream().noneMatch(f -> f.instance() == info.instance())) {
                    found.add(info);
                }
            }
        };
        iAmListeners.add(listener);
        try {
            sender.send(new Apdu.UnconfirmedRequest(ServiceChoice.WHO_IS, range.encode()));
            Thread.sleep(wait.toMillis());
        } finally {
            iAmListeners.remove(listener);
        }
        List<DeviceInfo> sorted = new ArrayList<>(found);
        sorted.sort(java.util.Comparator.comparingInt(DeviceInfo::instance));
        return sorted;
    }

    /** Finds one device by instance at {@code target}, returning as soon as its I-Am arrives. */
    public java.util.Optional<DeviceInfo> discover(PeerAddress target, int instance, Duration wait)
            throws IOException, InterruptedException {
        java.util.concurrent.CompletableFuture<DeviceInfo> hit = new java.util.concurrent.CompletableFuture<>();
        java.util.function.Consumer<DeviceInfo> listener = info -> {
            if (info.instance() == instance) {
                hit.complete(info);
            }
        };
        iAmListeners.add(listener);
        try {
            transport.sendUnconfirmed(target, new Apdu.UnconfirmedRequest(ServiceChoice.WHO_IS,
                    WhoIs.range(instance, instance).encode()));
            return java.util.Optional.of(hit.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return java.util.Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            iAmListeners.remove(listener);
        }
    }

    /** The last I-Am heard from {@code peer}, if any. */
    public java.util.Optional<IAm> lastIAm(PeerAddress peer) {
        return java.util.Optional.ofNullable(iAms.get(peer));
    }

    public List<BacnetValue> readProperty(PeerAddress peer, PropertyReference ref, RequestOptions options)
            throws BacnetException {
        Apdu.ComplexAck ack = complexAck(call(peer, ServiceChoice.READ_PROPERTY, ReadProperty.encodeRequest(ref), options));
        ReadProperty.Ack decoded;
        try {
            decoded = ReadProperty.decodeAck(ack.serviceAck());
        } catch (BacnetCodecException e) {
            throw new BacnetException("malformed ReadProperty-ACK: " + e.getMessage());
        }
        if (!decoded.reference().equals(ref)) {
            throw new BacnetException("ReadProperty-ACK for " + decoded.reference() + ", asked for " + ref);
        }
        return decoded.values();
    }

    /** One result per reference, in request order; fails as a whole on error, reject or abort. */
    public List<PropertyResult> readPropertyMultiple(PeerAddress peer, List<PropertyReference> refs,
                                                     RequestOptions options) throws BacnetException {
        Apdu.ComplexAck ack = complexAck(call(peer, ServiceChoice.READ_PROPERTY_MULTIPLE,
                ReadPropertyMultiple.encodeRequest(refs), options));
        List<PropertyResult> results;
        try {
            results = ReadPropertyMultiple.decodeAck(ack.serviceAck());
        } catch (BacnetCodecException e) {
            throw new BacnetException("malformed ReadPropertyMultiple-ACK: " + e.getMessage());
        }
        if (results.size() != refs.size()) {
            throw new BacnetException("ReadPropertyMultiple-ACK has " + results.size() + " results for "
                    + refs.size() + " properties");
        }
        for (int i = 0; i < refs.size(); i++) {
            if (!results.get(i).reference().equals(refs.get(i))) {
                throw new BacnetException("ReadPropertyMultiple-ACK result " + i + " is for "
                        + results.get(i).reference() + ", asked for " + refs.get(i));
            }
        }
        return results;
    }

    /** SubscribeCOV (or its cancellation); the device answers with a Simple-ACK. */
    public void subscribeCov(PeerAddress peer, SubscribeCov request, RequestOptions options) throws BacnetException {
        Apdu reply = call(peer, ServiceChoice.SUBSCRIBE_COV, request.encode(), options);
        if (!(reply instanceof Apdu.SimpleAck)) {
            throw new BacnetException("SubscribeCOV answered with " + reply.getClass().getSimpleName());
        }
    }

    /** Receives every UnconfirmedCOVNotification, on the transport's receive thread. */
    public void onCovNotification(java.util.function.BiConsumer<PeerAddress, CovNotification> listener) {
        covListeners.add(listener);
    }

    public void removeCovListener(java.util.function.BiConsumer<PeerAddress, CovNotification> listener) {
        covListeners.remove(listener);
    }

    public void writeProperty(PeerAddress peer, WriteProperty write, RequestOptions options) throws BacnetException {
        Apdu reply = call(peer, ServiceChoice.WRITE_PROPERTY, write.encode(), options);
        if (!(reply instanceof Apdu.SimpleAck)) {
            throw new BacnetException("WriteProperty answered with " + reply.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        transport.close();
    }

    private Apdu call(PeerAddress peer, int service, byte[] request, RequestOptions options) throws BacnetException {
        try {
            return transport.request(peer, service, request, options.timeout(), options.retries()).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BacnetException be) {
                throw be;
            }
            throw new BacnetException("request failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BacnetException("interrupted");
        }
    }

    private static Apdu.ComplexAck complexAck(Apdu reply) throws BacnetException {
        if (reply instanceof Apdu.ComplexAck ack) {
            return ack;
        }
        throw new BacnetException("expected a Complex-ACK, got " + reply.getClass().getSimpleName());
    }

    private void onUnconfirmed(PeerAddress source, Apdu.UnconfirmedRequest request) {
        if (request.service() == ServiceChoice.UNCONFIRMED_COV_NOTIFICATION) {
            try {
                CovNotification n = CovNotification.decode(request.serviceRequest());
                covListeners.forEach(l -> l.accept(source, n));
            } catch (BacnetCodecException e) {
                log.debug("malformed COV notification from {}: {}", source, e.getMessage());
            }
            return;
        }
        if (request.service() != ServiceChoice.I_AM) {
            return;
        }
        IAm iAm;
        try {
            iAm = IAm.decode(request.serviceRequest());
        } catch (BacnetCodecException e) {
            log.debug("malformed I-Am from {}: {}", source, e.getMessage());
            return;
        }
        iAms.put(source, iAm);
        DeviceInfo info = new DeviceInfo(source, iAm);
        iAmListeners.forEach(l -> l.accept(info));
    }
}
