package io.plantd.controller.cycle;

import io.plantd.drivers.point.PointStore;
import io.plantd.drivers.point.ProcessImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixed-rate control cycle: snapshot the point store → grid feed → drain commands →
 * {@link CycleStep} → {@link Actuator} → hand the report to the publishers.
 *
 * <p>Ticks lie on a fixed grid of the monotonic {@link Ticker} (start + k × period), so the loop
 * never drifts. A cycle that ends after the next tick counts as an overrun; when the loop is a
 * whole period or more behind, the missed ticks are skipped (counted) and only one cycle runs,
 * never a burst to catch up. The grid may start a fixed delay after {@link #start(Duration)}: the
 * daemon puts its ticks a fifth of a period after the field bus's poll wave, so a cycle neither
 * competes with the polls for a core nor reads values a whole period old.
 *
 * <p>A failing cycle (any exception from the feed, step or actuator) is counted, logged and
 * raises the alarm {@code cycle-failed}; nothing is written that cycle, so the chillers hold the
 * last commands, and because the heartbeat stops too, a loop that keeps failing hands the units
 * to their own watchdogs (local control). The loop itself carries on.
 */
public final class ControlLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);
    public static final Duration MIN_PERIOD = Duration.ofMillis(100);
    public static final Duration MAX_PERIOD = Duration.ofSeconds(10);
    static final String CYCLE_FAILED = "cycle-failed";

    /** Sees every cycle's timing; for benchmarks. Runs on the control thread: must return at once. */
    @FunctionalInterface
    public interface TimingListener {
        void cycle(long tickLatenessNanos, long durationNanos, boolean ok);
    }

    private final long periodNanos;
    private final PointStore store;
    private final GridFeed gridFeed;
    private final CommandQueue commands;
    private final CycleStep step;
    private final Actuator actuator;
    private final List<CycleListener> publishers;
    private final Clock clock;
    private final Ticker ticker;
    private final Sleeper sleeper;

    private volatile Runnable afterSuccess = () -> { };
    private volatile TimingListener timingListener = (lateness, duration, ok) -> { };
    private volatile boolean running;
    private volatile long firstTickDelayNanos;
    private Thread thread;

    private volatile long cycles;
    private volatile long failures;
    private volatile long overruns;
    private volatile long skippedTicks;
    private volatile Instant lastSuccess;
    private volatile long lastDurationNanos;
    private volatile CycleReport lastReport;
    private CycleReport lastStepReport;
    private Instant failingSince;

    public ControlLoop(Duration period, PointStore store, GridFeed gridFeed, CommandQueue commands, CycleStep step,
                       Actuator actuator, List<CycleListener> publishers, Clock clock, Ticker ticker, Sleeper sleeper) {
        if (period.compareTo(MIN_PERIOD) < 0 || period.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("cycle period must be between 100 ms and 10 s, got " + period.toMillis() + " ms");
        }
        this.periodNanos = period.toNanos();
        this.store = store;
        this.gridFeed = gridFeed;
        this.commands = commands;
        this.step = step;
        this.actuator = actuator;
        this.publishers = List.copyOf(publishers);
        this.clock = clock;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** Called on the control thread after every successful cycle (e.g. to feed the systemd watchdog). */
    public void onSuccess(Runnable hook) {
        this.afterSuccess = hook;
    }

    public void onTiming(TimingListener listener) {
        this.timingListener = listener;
    }

    /** Starts the control thread {@code plantd-control}; the first cycle runs at once. */
    public synchronized void start() {
        start(Duration.ZERO);
    }

    /**
     * Starts the control thread {@code plantd-control}; the first tick (and so the whole grid)
     * lies {@code firstTickDelay} after now. At most one period.
     */
    public synchronized void start(Duration firstTickDelay) {
        if (thread != null) {
            throw new IllegalStateException("control loop already started");
        }
        firstTickDelayNanos = checkedDelay(firstTickDelay);
        running = true;
        thread = new Thread(this::runLoop, "plantd-control");
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /**
     * Stops after the cycle in progress; waits up to {@code timeout} for it. Returns whether the
     * control thread has ended. Safe to call more than once and from the control thread itself.
     */
    public boolean stop(Duration timeout) {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) {
            return true;
        }
        java.util.concurrent.locks.LockSupport.unpark(t);
        try {
            t.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /** Runs the loop on the calling thread until {@link #stop}; for tests with a fake ticker. */
    void runOnCurrentThread() {
        runOnCurrentThread(Duration.ZERO);
    }

    /** As {@link #runOnCurrentThread()}, with the grid starting {@code firstTickDelay} from now. */
    void runOnCurrentThread(Duration firstTickDelay) {
        firstTickDelayNanos = checkedDelay(firstTickDelay);
        running = true;
        runLoop();
    }

    private long checkedDelay(Duration delay) {
        if (delay.isNegative() || delay.toNanos() > periodNanos) {
            throw new IllegalArgumentException("first tick delay must be between 0 and one period, got "
                    + delay.toMillis() + " ms");
        }
        return delay.toNanos();
    }

    private void runLoop() {
        long next = ticker.nanos() + firstTickDelayNanos;
        while (running) {
            long now = ticker.nanos();
            if (now < next) {
                // A stray interrupt would make every park return at once: a busy spin.
                Thread.interrupted();
                sleeper.sleepNanos(next - now);
                continue;
            }
            long behind = now - next;
            if (behind >= periodNanos) {
                long missed = behind / periodNanos;
                skippedTicks += missed;
                next += missed * periodNanos;
                LOG.warn("control loop {} ms behind: skipped {} tick(s) ({} so far)",
                        behind / 1_000_000, missed, skippedTicks);
            }
            long tick = next;
            boolean ok = runCycle();
            next = tick + periodNanos;
            long end = ticker.nanos();
            if (end > next) {
                overruns++;
            }
            try {
                timingListener.cycle(now - tick, lastDurationNanos, ok);
            } catch (RuntimeException e) {
                LOG.warn("timing listener failed: {}", e.toString());
            }
        }
    }

    private boolean runCycle() {
        long start = ticker.nanos();
        Instant now = clock.instant();
        CommandQueue.Batch batch = null;
        try {
            batch = commands.drain(now);
            ProcessImage image = store.snapshot(now.toEpochMilli());
            GridStatus grid = gridFeed.current(image, now);
            StepOutput out = step.step(image, grid, now, batch.commands());
            if (out == null || out.report() == null) {
                throw new IllegalStateException("cycle step returned no report");
            }
            batch.applied();
            actuator.apply(out.commands(), out.report().mode(), now, start);
            long duration = ticker.nanos() - start;
            lastDurationNanos = duration;
            if (failingSince != null) {
                LOG.info("control cycle succeeds again after failing since {}", failingSince);
                failingSince = null;
            }
            lastStepReport = out.report();
            CycleReport report = complete(out.report(), duration, out.report().changes(), List.of());
            cycles++;
            lastSuccess = now;
            lastReport = report;
            publish(report);
            try {
                afterSuccess.run();
            } catch (RuntimeException e) {
                LOG.warn("after-cycle hook failed: {}", e.toString());
            }
            return true;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            failed(e, now, start, batch);
            return false;
        }
    }

    private void failed(Throwable e, Instant now, long start, CommandQueue.Batch batch) {
        failures++;
        lastDurationNanos = ticker.nanos() - start;
        if (batch != null) {
            batch.failed("control cycle failed: " + e);
        }
        if (failingSince == null) {
            failingSince = now;
            LOG.error("control cycle failed; holding the last commands", e);
        } else if (failures % 60 == 0) {
            LOG.error("control cycle still failing since {} ({} failures): {}", failingSince, failures, e.toString());
        }
        if (lastStepReport != null) {
            Alarm alarm = new Alarm(CYCLE_FAILED, Alarm.Severity.CRITICAL,
                    "control cycle failed, last commands held: " + e, failingSince);
            publish(complete(lastStepReport, lastDurationNanos, List.of(), List.of(alarm)));
        }
    }

    /** The step's report with the loop's timing and the runtime alarms (write failures, cycle failure). */
    private CycleReport complete(CycleReport r, long durationNanos, List<CommandChange> changes, List<Alarm> extra) {
        Map<String, Alarm> alarms = new LinkedHashMap<>();
        r.alarms().forEach(a -> alarms.put(a.id(), a));
        actuator.alarms().forEach(a -> alarms.putIfAbsent(a.id(), a));
        extra.forEach(a -> alarms.putIfAbsent(a.id(), a));
        return new CycleReport(r.sequence(), r.at(), durationNanos, overruns, r.mode(), r.economicEnabled(), r.site(),
                r.grid(), r.chillers(), changes, new ArrayList<>(alarms.values()), r.headroom());
    }

    private void publish(CycleReport report) {
        for (CycleListener l : publishers) {
            try {
                l.onCycle(report);
            } catch (RuntimeException e) {
                LOG.warn("publisher {} refused a report: {}", l, e.toString());
            }
        }
    }

    public Duration period() {
        return Duration.ofNanos(periodNanos);
    }

    public boolean isRunning() {
        return running;
    }

    /** Successful cycles so far. */
    public long cycles() {
        return cycles;
    }

    public long failures() {
        return failures;
    }

    /** Cycles that ended after the next tick was due. */
    public long overruns() {
        return overruns;
    }

    /** Ticks skipped because the loop was a whole period or more behind. */
    public long skippedTicks() {
        return skippedTicks;
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    /** True once a cycle has completed successfully (for /readyz). */
    public boolean firstGoodCycleDone() {
        return lastSuccess != null;
    }

    public long lastDurationNanos() {
        return lastDurationNanos;
    }

    /** The last report published after a successful cycle. */
    public Optional<CycleReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }
}
