package io.plantd.drivers.bacnet.transport;

import io.plantd.drivers.bacnet.codec.Apdu;
import io.plantd.drivers.bacnet.codec.BacnetCodecException;
import io.plantd.drivers.bacnet.codec.Bvlc;
import io.plantd.drivers.bacnet.codec.MaxApdu;
import io.plantd.drivers.bacnet.codec.Npdu;
import io.plantd.drivers.bacnet.codec.Reasons;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP socket speaking BACnet/IP for a client. A receive thread decodes every datagram and
 * completes the outstanding transaction with the reply's invoke ID (when it comes from the peer
 * the request went to); a timer thread retransmits and times transactions out (clause 5.4.4).
 * Replies are never segmented: plantd refuses segmented responses in every request and aborts a
 * segmented Complex-ACK with segmentation-not-supported.
 */
public final class BacnetTransport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BacnetTransport.class);

    /** The standard BACnet/IP UDP port, X'BAC0'. */
    public static final int DEFAULT_PORT = 47808;

    private final DatagramSocket socket;
    private final InvokeIdPool invokeIds = new InvokeIdPool();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Thread receiver;
    private volatile BiConsumer<PeerAddress, Apdu.UnconfirmedRequest> unconfirmedListener = (p, a) -> { };
    private volatile InetSocketAddress foreignDeviceBbmd;
    private volatile CompletableFuture<Integer> registration;
    private volatile boolean closed;

    private BacnetTransport(DatagramSocket socket) {
        this.socket = socket;
        String name = "bacnet-" + socket.getLocalPort();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-tsm"));
        this.receiver = daemon(this::receiveLoop, name + "-rx");
        receiver.start();
    }

    /** Binds one UDP socket, e.g. {@code 0.0.0.0:47808} on site or {@code 127.0.0.1:0} in tests. */
    public static BacnetTransport open(InetSocketAddress bind) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.setBroadcast(true);
        socket.bind(bind);
        return new BacnetTransport(socket);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Receives unconfirmed requests (I-Am, COV notifications) on the receive thread. */
    public void onUnconfirmed(BiConsumer<PeerAddress, Apdu.UnconfirmedRequest> listener) {
        this.unconfirmedListener = Objects.requireNonNull(listener);
    }

    /**
     * Sends a confirmed request and completes with its Simple-ACK or Complex-ACK, or fails with
     * a {@link BacnetException}. {@code retries} retransmissions follow the first attempt.
     */
    public CompletableFuture<Apdu> request(PeerAddress peer, int service, byte[] serviceRequest,
                                           Duration timeout, int retries) {
        CompletableFuture<Apdu> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new BacnetException("transport closed"));
            return future;
        }
        int invokeId = invokeIds.acquire();
        if (invokeId < 0) {
            future.completeExceptionally(new BacnetException("all 256 invoke IDs outstanding"));
            return future;
        }
        byte[] apdu = Apdu.ConfirmedRequest.unsegmented(MaxApdu.BACNET_IP, invokeId, service, serviceRequest).encode();
        byte[] frame = frame(peer, true, apdu);
        Pending p = new Pending(peer, invokeId, service, frame, timeout.toMillis(), retries + 1, future);
        pending.put(invokeId, p);
        p.transmit();
        return future;
    }

    /** Sends an unconfirmed request to one device. */
    public void sendUnconfirmed(PeerAddress peer, Apdu.UnconfirmedRequest request) throws IOException {
        send(peer.ip(), frame(peer, false, request.encode()));
    }

    /**
     * Broadcasts an unconfirmed request on the local IP subnet ({@code broadcast} is e.g.
     * 192.168.1.255:47808), or through the BBMD when registered as a foreign device.
     */
    public void broadcastUnconfirmed(InetSocketAddress broadcast, Apdu.UnconfirmedRequest request) throws IOException {
        byte[] npdu = Npdu.local(false, request.encode()).encode();
        InetSocketAddress bbmd = foreignDeviceBbmd;
        if (bbmd != null) {
            send(bbmd, Bvlc.distributeBroadcastToNetwork(npdu));
        } else {
            send(broadcast, Bvlc.originalBroadcast(npdu));
        }
    }

    /**
     * Registers with a BBMD as a foreign device (Annex J.5.2) and completes with the BVLC-Result
     * code; from then on broadcasts go to the BBMD. Re-register before {@code ttlSeconds} runs out.
     */
    public CompletableFuture<Integer> registerForeignDevice(InetSocketAddress bbmd, int ttlSeconds, Duration timeout) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        registration = result;
        try {
            send(bbmd, Bvlc.registerForeignDevice(ttlSeconds));
        } catch (IOException e) {
            result.completeExceptionally(e);
            return result;
        }
        timer.schedule(() -> result.completeExceptionally(new BacnetTimeoutException(1, timeout.toMillis())),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        return result.thenApply(code -> {
            if (code == Bvlc.RESULT_SUCCESSFUL_COMPLETION) {
                foreignDeviceBbmd = bbmd;
            }
            return code;
        });
    }

    /**
     * Registers now and re-registers every half time-to-live (a BBMD drops a foreign device
     * after TTL + 30 s, J.5.2.3), for as long as the transport is open. A failed renewal is
     * logged and retried at the next period.
     */
    public CompletableFuture<Integer> keepRegisteredAsForeignDevice(InetSocketAddress bbmd, int ttlSeconds,
                                                                    Duration timeout) {
        long periodMillis = ttlSeconds * 1000L / 2;
        timer.scheduleAtFixedRate(() -> registerForeignDevice(bbmd, ttlSeconds, timeout).whenComplete((code, e) -> {
            if (e != null || code != Bvlc.RESULT_SUCCESSFUL_COMPLETION) {
                log.warn("foreign-device re-registration with {} failed: {}", bbmd, e != null ? e.getMessage()
                        : String.format("BVLC-Result 0x%04X", code));
            }
        }), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return registerForeignDevice(bbmd, ttlSeconds, timeout);
    }

    int outstandingTransactions() {
        return invokeIds.outstanding();
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        timer.shutdownNow();
        pending.values().forEach(p -> p.fail(new BacnetException("transport closed")));
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- sending ----

    private static byte[] frame(PeerAddress peer, boolean expectingReply, byte[] apdu) {
        Npdu npdu = peer.isRouted()
                ? Npdu.routed(expectingReply, peer.network(), peer.mac(), apdu)
                : Npdu.local(expectingReply, apdu);
        return Bvlc.originalUnicast(npdu.encode());
    }

    private void send(InetSocketAddress to, byte[] frame) throws IOException {
        socket.send(new DatagramPacket(frame, frame.length, to));
    }

    // ---- receiving ----

    private void receiveLoop() {
        byte[] buf = new byte[2048];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
            } catch (SocketException e) {
                if (!closed) {
                    log.warn("BACnet socket {} failed: {}", localAddress(), e.getMessage());
                }
                return;
            } catch (IOException e) {
                log.warn("BACnet receive failed: {}", e.getMessage());
                continue;
            }
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            try {
                handle(from, packet.getData(), packet.getLength());
            } catch (BacnetCodecException | IllegalArgumentException e) {
                log.debug("dropped malformed BACnet datagram from {}: {}", from, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("error handling BACnet datagram from {}", from, e);
            }
        }
    }

    private void handle(InetSocketAddress from, byte[] data, int length) throws BacnetCodecException {
        Bvlc.Message bvlc = Bvlc.decode(data, length);
        if (bvlc.function() == Bvlc.RESULT) {
            CompletableFuture<Integer> reg = registration;
            if (reg != null) {
                reg.complete(bvlc.resultCode());
            }
            return;
        }
        if (!bvlc.carriesNpdu()) {
            return;
        }
        InetSocketAddress ip = bvlc.origin() != null ? bvlc.origin() : from;
        Npdu npdu = Npdu.decode(bvlc.npdu());
        if (npdu.networkLayerMessage()) {
            return; // router/network management: not a client's business
        }
        PeerAddress source = npdu.hasSource() ? PeerAddress.routed(ip, npdu.snet(), npdu.sadr()) : PeerAddress.local(ip);
        Apdu apdu = Apdu.decode(npdu.apdu());
        if (apdu instanceof Apdu.UnconfirmedRequest u) {
            unconfirmedListener.accept(source, u);
        } else if (apdu instanceof Apdu.ConfirmedRequest c) {
            // plantd is a client: it offers no services, and says so (clause 18.8.10).
            trySend(source, new Apdu.RejectPdu(c.invokeId(), Reasons.REJECT_UNRECOGNIZED_SERVICE));
        } else {
            complete(source, apdu);
        }
    }

    private void complete(PeerAddress source, Apdu apdu) {
        Pending p = pending.get(apdu.invokeId());
        if (p == null || !p.peer.equals(source)) {
            log.debug("reply for unknown transaction {} from {}", apdu.invokeId(), source);
            return;
        }
        if (apdu instanceof Apdu.SimpleAck ack) {
            if (ack.service() == p.service) {
                p.succeed(apdu);
            }
        } else if (apdu instanceof Apdu.ComplexAck ack) {
            if (ack.segmented()) {
                // We said segmented-response-accepted = false: refuse, then let the caller ask for less.
                trySend(source, new Apdu.AbortPdu(false, ack.invokeId(), Reasons.ABORT_SEGMENTATION_NOT_SUPPORTED));
                p.fail(new BacnetAbortException(Reasons.ABORT_SEGMENTATION_NOT_SUPPORTED, false));
            } else if (ack.service() == p.service) {
                p.succeed(apdu);
            }
        } else if (apdu instanceof Apdu.ErrorPdu error) {
            p.fail(new BacnetErrorException(error.errorClass(), error.errorCode()));
        } else if (apdu instanceof Apdu.RejectPdu reject) {
            p.fail(new BacnetRejectException(reject.reason()));
        } else if (apdu instanceof Apdu.AbortPdu abort && abort.fromServer()) {
            p.fail(new BacnetAbortException(abort.reason(), true));
        }
    }

    private void trySend(PeerAddress to, Apdu apdu) {
        try {
            send(to.ip(), frame(to, false, apdu.encode()));
        } catch (IOException e) {
            log.debug("could not send {} to {}: {}", apdu, to, e.getMessage());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One outstanding confirmed request: retransmitted with the same invoke ID until answered. */
    private final class Pending {
        final PeerAddress peer;
        final int invokeId;
        final int service;
        final byte[] frame;
        final long timeoutMillis;
        final int maxAttempts;
        final CompletableFuture<Apdu> future;
        int attempts;
        ScheduledFuture<?> timeoutTask;

        Pending(PeerAddress peer, int invokeId, int service, byte[] frame, long timeoutMillis, int maxAttempts,
                CompletableFuture<Apdu> future) {
            this.peer = peer;
            this.invokeId = invokeId;
            this.service = service;
            this.frame = frame;
            this.timeoutMillis = timeoutMillis;
            this.maxAttempts = maxAttempts;
            this.future = future;
        }

        synchronized void transmit() {
            if (future.isDone()) {
                return;
            }
            attempts++;
            try {
                send(peer.ip(), frame);
            } catch (IOException e) {
                log.debug("send to {} failed: {}", peer, e.getMessage());
            }
            try {
                timeoutTask = timer.schedule(this::onTimeout, timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                fail(new BacnetException("transport closed"));
            }
        }

        synchronized void onTimeout() {
            if (future.isDone()) {
                return;
            }
            if (attempts < maxAttempts) {
                transmit();
            } else {
                fail(new BacnetTimeoutException(attempts, timeoutMillis));
            }
        }

        void succeed(Apdu apdu) {
            if (finish()) {
                future.complete(apdu);
            }
        }

        void fail(BacnetException e) {
            if (finish()) {
                future.completeExceptionally(e);
            }
        }

        private synchronized boolean finish() {
            if (!pending.remove(invokeId, this)) {
                return false;
            }
            if (timeoutTask != null) {
                timeoutTask.cancel(false);
            }
            invokeIds.release(invokeId);
            return true;
        }
    }
}
