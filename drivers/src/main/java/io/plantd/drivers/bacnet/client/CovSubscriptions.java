package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.bacnet.codec.CovNotification;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.SubscribeCov;
import io.plantd.drivers.bacnet.transport.BacnetException;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unconfirmed COV subscriptions that renew themselves at half their lifetime, so a device
 * never drops one while plantd runs, and lapse on their own (the device forgets them after the
 * lifetime) if plantd dies. COV only speeds up updates: polling stays the source of truth.
 */
public final class CovSubscriptions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CovSubscriptions.class);

    private final BacnetClient client;
    private final RequestOptions options;
    private final ScheduledExecutorService renewer;
    private final AtomicLong nextProcessId = new AtomicLong(1);
    private final Map<Long, Subscription> active = new ConcurrentHashMap<>();
    private final java.util.function.BiConsumer<PeerAddress, CovNotification> dispatcher = this::dispatch;

    public CovSubscriptions(BacnetClient client, RequestOptions options) {
        this.client = client;
        this.options = options;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bacnet-cov-renew");
            t.setDaemon(true);
            return t;
        });
        client.onCovNotification(dispatcher);
    }

    /** Subscribes (failing now if the device refuses) and keeps the subscription renewed. */
    public Subscription subscribe(PeerAddress peer, ObjectIdentifier object, int lifetimeSeconds,
                                  Consumer<CovNotification> listener) throws BacnetException {
        if (lifetimeSeconds < 1) {
            throw new IllegalArgumentException("COV lifetime must be at least 1 s (0 would never expire)");
        }
        long processId = nextProcessId.getAndIncrement();
        Subscription s = new Subscription(peer, object, processId, lifetimeSeconds, listener);
        client.subscribeCov(peer, SubscribeCov.unconfirmed(processId, object, lifetimeSeconds), options);
        active.put(processId, s);
        long periodMillis = lifetimeSeconds * 1000L / 2;
        s.renewal = renewer.scheduleAtFixedRate(s::renew, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return s;
    }

    private void dispatch(PeerAddress source, CovNotification n) {
        Subscription s = active.get(n.subscriberProcessId());
        if (s != null && s.peer.equals(source) && s.object.equals(n.monitoredObject())) {
            s.listener.accept(n);
        }
    }

    /** Cancels every subscription (best effort) and stops renewing. */
    @Override
    public void close() {
        active.values().forEach(Subscription::cancel);
        client.removeCovListener(dispatcher);
        renewer.shutdownNow();
    }

    /** One subscription; {@link #renewals()} counts successful renewals. */
    public final class Subscription {
        private final PeerAddress peer;
        private final ObjectIdentifier object;
        private final long processId;
        private final int lifetimeSeconds;
        private final Consumer<CovNotification> listener;
        private final AtomicInteger renewals = new AtomicInteger();
        private volatile String lastRenewalError;
        private volatile ScheduledFuture<?> renewal;

        private Subscription(PeerAddress peer, ObjectIdentifier object, long processId, int lifetimeSeconds,
                             Consumer<CovNotification> listener) {
            this.peer = peer;
            this.object = object;
            this.processId = processId;
            this.lifetimeSeconds = lifetimeSeconds;
            this.listener = listener;
        }

        public long processId() {
            return processId;
        }

        public int renewals() {
            return renewals.get();
        }

        /** Why the last renewal failed, or null; the next period tries again. */
        public String lastRenewalError() {
            return lastRenewalError;
        }

        private void renew() {
            try {
                client.subscribeCov(peer, SubscribeCov.unconfirmed(processId, object, lifetimeSeconds), options);
                renewals.incrementAndGet();
                lastRenewalError = null;
            } catch (BacnetException e) {
                lastRenewalError = e.reason();
                log.warn("COV renewal of {} at {} failed: {}", object, peer, e.reason());
            }
        }

        public void cancel() {
            if (active.remove(processId) == null) {
                return;
            }
            if (renewal != null) {
                renewal.cancel(false);
            }
            try {
                client.subscribeCov(peer, SubscribeCov.cancel(processId, object), options);
            } catch (BacnetException e) {
                log.info("COV cancellation of {} at {} failed ({}); it lapses after its lifetime", object, peer,
                        e.reason());
            }
        }
    }
}
