package io.plantd.controller.cycle;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands cycle reports from the control thread to one slow consumer (MQTT, metrics, decision log)
 * running on its own thread. {@link #onCycle} never blocks: when the queue is full the oldest
 * report is dropped (the newest state matters most) and the drop is counted. One hub per
 * consumer, so a stalled broker cannot delay the decision log.
 */
public final class PublishHub implements CycleListener {
    private static final Logger LOG = LoggerFactory.getLogger(PublishHub.class);
    private static final Object STOP = new Object();

    private final String name;
    private final CycleListener target;
    private final int capacity;
    /** One slot more than {@code capacity}, kept for the stop marker so closing never drops a report. */
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;

    private PublishHub(String name, CycleListener target, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.name = name;
        this.target = target;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.thread = new Thread(this::run, "plantd-publish-" + name);
        this.thread.setDaemon(true);
    }

    /** Creates the hub and starts its thread ({@code plantd-publish-<name>}, daemon). */
    public static PublishHub start(String name, CycleListener target, int capacity) {
        PublishHub hub = new PublishHub(name, target, capacity);
        hub.thread.start();
        return hub;
    }

    @Override
    public void onCycle(CycleReport report) {
        synchronized (queue) {
            if (closed) {
                dropped.incrementAndGet();
                return;
            }
            // Only this method adds reports and the consumer only removes, so after this loop
            // there is room: the offer cannot fail and the caller never waits.
            while (queue.size() >= capacity) {
                if (queue.poll() != null) {
                    dropped.incrementAndGet();
                }
            }
            queue.offer(report);
        }
    }

    /**
     * Delivers what is queued, then calls the consumer's {@link CycleListener#onShutdown} and
     * ends the thread. Returns whether all that finished within {@code timeout}. Idempotent.
     */
    public boolean close(Duration timeout) {
        synchronized (queue) {
            if (!closed) {
                closed = true;
                queue.offer(STOP); // at most capacity reports are queued: the spare slot is free
            }
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("publisher {} did not finish within {} ms", name, timeout.toMillis());
            return false;
        }
        return true;
    }

    /** Shutdown goes through {@link #close}, which runs the consumer's onShutdown on the hub thread. */
    @Override
    public void onShutdown() {
        close(Duration.ofSeconds(2));
    }

    private void run() {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                // Only close() ends this thread, so that onShutdown is always delivered.
                continue;
            }
            if (item == STOP) {
                try {
                    target.onShutdown();
                } catch (RuntimeException e) {
                    LOG.warn("publisher {} failed on shutdown: {}", name, e.toString());
                }
                return;
            }
            try {
                target.onCycle((CycleReport) item);
                delivered.incrementAndGet();
            } catch (RuntimeException e) {
                if (failures.incrementAndGet() % 100 == 1) {
                    LOG.warn("publisher {} failed on a report ({} failures so far)", name, failures.get(), e);
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public long dropped() {
        return dropped.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public long failures() {
        return failures.get();
    }

    public int queued() {
        return queue.size();
    }
}
