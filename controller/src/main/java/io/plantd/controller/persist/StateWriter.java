package io.plantd.controller.persist;

import io.plantd.controller.state.ChillerState;
import io.plantd.controller.state.PlantState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves plant state snapshots on its own thread so the control thread never waits for a disk.
 * {@link #offer} only replaces the pending snapshot (coalescing: a slow disk skips intermediate
 * states, never queues them). A snapshot is written when anything but run time changed; run
 * time alone (it grows every second an engine runs) is written at most every
 * {@link #RUN_TIME_PERIOD_MS}. A failed save is logged and retried with the next snapshot.
 */
public final class StateWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateWriter.class);
    /** Longest run time lost by a crash: minutes of engine hours are immaterial to a yearly budget. */
    public static final long RUN_TIME_PERIOD_MS = 60_000;

    private record Pending(PlantState.Snapshot snapshot, Instant at, long seq) {
    }

    private final StateStore store;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    private volatile String lastError = "";
    private byte[] lastFull;
    private byte[] lastKey;
    private long lastWriteMs = Long.MIN_VALUE;

    public StateWriter(StateStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "plantd-state-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called on the control thread: never blocks. */
    public void offer(PlantState.Snapshot snapshot, Instant at) {
        pending.set(new Pending(snapshot, at, offered.incrementAndGet()));
        LockSupport.unpark(thread);
    }

    /** Waits until everything offered so far was handled (written or found unchanged). */
    public boolean flush(long timeout, TimeUnit unit) {
        long target = offered.get();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (handled.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.unpark(thread);
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    public long writes() {
        return writes.get();
    }

    public long failures() {
        return failures.get();
    }

    /** The last save failure, empty once a save succeeded again. */
    public String lastError() {
        return lastError;
    }

    /** Writes what is pending, then stops the thread. */
    @Override
    public void close() {
        flush(5, TimeUnit.SECONDS);
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!closed) {
            Pending p = pending.getAndSet(null);
            if (p == null) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                continue;
            }
            try {
                handle(p);
            } catch (RuntimeException e) {
                // an encoding bug must not kill the writer: the next snapshot is tried again
                recordFailure(e.toString());
            }
            handled.set(p.seq());
        }
    }

    private void handle(Pending p) {
        byte[] full = StateCodec.encode(p.snapshot(), Instant.EPOCH);
        if (Arrays.equals(full, lastFull)) {
            return;
        }
        byte[] key = StateCodec.encode(withoutRunTime(p.snapshot()), Instant.EPOCH);
        long atMs = p.at().toEpochMilli();
        if (Arrays.equals(key, lastKey) && atMs - lastWriteMs < RUN_TIME_PERIOD_MS && atMs >= lastWriteMs) {
            return;
        }
        try {
            store.save(StateCodec.encode(p.snapshot(), p.at()));
        } catch (IOException e) {
            recordFailure(e.toString());
            return;
        }
        lastFull = full;
        lastKey = key;
        lastWriteMs = atMs;
        writes.incrementAndGet();
        if (!lastError.isEmpty()) {
            LOG.info("plant state saved again to {} after {} failed attempts", store.main(), failures.get());
            lastError = "";
        }
    }

    private void recordFailure(String why) {
        failures.incrementAndGet();
        if (lastError.isEmpty()) {
            LOG.error("cannot save plant state to {}: {} (retrying on the next change)", store.main(), why);
        }
        lastError = why;
    }

    private static PlantState.Snapshot withoutRunTime(PlantState.Snapshot s) {
        List<ChillerState.Snapshot> list = new ArrayList<>(s.chillers().size());
        for (ChillerState.Snapshot c : s.chillers()) {
            list.add(new ChillerState.Snapshot(c.id(), c.adopted(), c.commanded(), c.engineShare(), c.commandedAtMs(),
                    c.role(), c.engineStartedAtMs(), c.engineStoppedAtMs(), c.startTimesMs(), c.totalStarts(), 0, 0,
                    c.runYear(), c.lockoutUntilMs(), c.lockoutReason(), c.leadSamplesS(), c.override(),
                    c.overrideUntilMs()));
        }
        return new PlantState.Snapshot(list, s.mode(), s.economicEnabled(), s.temporaryCapKw(), s.temporaryCapUntilMs(),
                s.rotation());
    }
}
