package io.plantd.drivers.poll;

import io.plantd.drivers.api.PointWriter;
import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every device's poller and one single-thread executor per bus, so a device hung in a
 * socket read can only delay the devices that share its wire. Writes are routed to the target
 * device's bus thread and so never interleave with that bus's polls.
 *
 * <p>Device poll grids are staggered by add order ({@link PollStagger}): every device keeps its
 * own fixed-rate grid, but the grids start spread over the first tenth of their period instead of
 * all at once.
 */
public final class FieldBus implements PointWriter, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FieldBus.class);

    private record Device(Poller poller, PollSettings settings, ScheduledExecutorService executor) {
    }

    private final PointStore store;
    private final Clock clock;
    private final PollListener listener;
    private final Map<String, ScheduledExecutorService> buses = new LinkedHashMap<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private boolean started;
    private volatile boolean closed;

    public FieldBus(PointStore store, Clock clock, PollListener listener) {
        this.store = store;
        this.clock = clock;
        this.listener = listener;
    }

    /** Adds a device; its points appear in the store as MISSING until first polled. */
    public synchronized void add(DeviceSource source, PollSettings settings) {
        if (started) {
            throw new IllegalStateException("add devices before start()");
        }
        if (devices.containsKey(source.id())) {
            throw new IllegalArgumentException("duplicate device id " + source.id());
        }
        String bus = settings.busFor(source.id());
        ScheduledExecutorService executor = buses.computeIfAbsent(bus, FieldBus::newBusExecutor);
        Poller poller = new Poller(source, settings.breaker(), store, clock, listener);
        devices.put(source.id(), new Device(poller, settings, executor));
    }

    private static ScheduledExecutorService newBusExecutor(String bus) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "plantd-bus-" + bus);
            t.setDaemon(true);
            return t;
        });
        // on close, pending polls are dropped; only a request already on the wire is awaited
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /**
     * Starts polling every device at its own period; device {@code k} (in add order) polls first
     * {@link PollStagger#phaseNanos} after now.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        long origin = System.nanoTime();
        int index = 0;
        for (Map.Entry<String, Device> e : devices.entrySet()) {
            Device d = e.getValue();
            long phase = PollStagger.phaseNanos(index++, devices.size(),
                    TimeUnit.MILLISECONDS.toNanos(d.settings().periodMs()));
            phases.put(e.getKey(), phase);
            new PollTask(d).scheduleFirst(origin + phase);
        }
    }

    /** Device id → how long after {@link #start} its poll grid began (empty before start). */
    public synchronized Map<String, Duration> pollPhases() {
        Map<String, Duration> all = new LinkedHashMap<>();
        phases.forEach((id, nanos) -> all.put(id, Duration.ofNanos(nanos)));
        return all;
    }

    /**
     * Polls at a fixed rate against the monotonic clock. A poll that overruns its period does
     * not cause a burst of catch-up polls: missed ticks are skipped.
     */
    private final class PollTask implements Runnable {
        private final Device device;
        private final long periodNanos;
        private long nextDueNanos;

        PollTask(Device device) {
            this.device = device;
            this.periodNanos = TimeUnit.MILLISECONDS.toNanos(device.settings().periodMs());
        }

        void scheduleFirst(long dueNanos) {
            nextDueNanos = dueNanos;
            device.executor().schedule(this, dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            if (closed) {
                return;
            }
            try {
                device.poller().pollOnce();
            } catch (RuntimeException e) {
                log.error("poller of {} failed", device.poller().device(), e);
            }
            long now = System.nanoTime();
            nextDueNanos += periodNanos;
            if (nextDueNanos < now) {
                long missed = (now - nextDueNanos) / periodNanos + 1;
                nextDueNanos += missed * periodNanos;
            }
            try {
                device.executor().schedule(this, nextDueNanos - now, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // the bus is shutting down
            }
        }
    }

    @Override
    public CompletableFuture<WriteResult> write(PointId point, double value) {
        Device device;
        synchronized (this) {
            device = devices.get(point.device());
        }
        if (device == null) {
            return CompletableFuture.completedFuture(WriteResult.failed(point, value, "unknown device " + point.device()));
        }
        try {
            return CompletableFuture.supplyAsync(() -> device.poller().write(point.point(), value), device.executor());
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(WriteResult.failed(point, value, "field bus is closed"));
        }
    }

    public synchronized Optional<DeviceStats.Snapshot> stats(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId)).map(d -> d.poller().stats());
    }

    public synchronized Map<String, DeviceStats.Snapshot> stats() {
        Map<String, DeviceStats.Snapshot> all = new LinkedHashMap<>();
        devices.forEach((id, d) -> all.put(id, d.poller().stats()));
        return all;
    }

    /** Bus names, one executor (thread) each. */
    public synchronized Set<String> buses() {
        return Set.copyOf(buses.keySet());
    }

    /** Stops polling, waits briefly for in-flight requests, and closes every device connection. */
    @Override
    public void close() {
        Map<String, ScheduledExecutorService> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new LinkedHashMap<>(buses);
        }
        toStop.values().forEach(ScheduledExecutorService::shutdown);
        for (var e : toStop.entrySet()) {
            try {
                if (!e.getValue().awaitTermination(2, TimeUnit.SECONDS)) {
                    log.warn("bus {} did not stop within 2 s; interrupting", e.getKey());
                    e.getValue().shutdownNow();
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                e.getValue().shutdownNow();
            }
        }
        devices.values().forEach(d -> {
            try {
                d.poller().close();
            } catch (RuntimeException ex) {
                log.warn("closing {} failed", d.poller().device(), ex);
            }
        });
    }
}
