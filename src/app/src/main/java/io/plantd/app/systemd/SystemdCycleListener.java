package io.plantd.app.systemd;

import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Ties systemd's view of the service to the control loop: READY=1 after the first completed
 * cycle, then WATCHDOG=1 at most every third of {@code WatchdogSec} — but only from completed
 * cycles, so a stalled or crashed loop stops feeding the watchdog and systemd restarts plantd.
 * Runs on the control thread and only hands work to the notifier's thread.
 */
public final class SystemdCycleListener implements CycleListener {
    private static final long NEVER = Long.MIN_VALUE;

    private final SystemdNotifier notifier;
    private final long pingEveryNanos;
    private final LongSupplier nanoTime;
    private boolean readySent;
    private long lastPing = NEVER;

    public SystemdCycleListener(SystemdNotifier notifier) {
        this(notifier, System::nanoTime);
    }

    SystemdCycleListener(SystemdNotifier notifier, LongSupplier nanoTime) {
        this.notifier = notifier;
        // Without a watchdog, pingEvery is irrelevant: no WATCHDOG=1 is sent at all.
        this.pingEveryNanos = notifier.watchdogTimeout().map(t -> t.dividedBy(3)).orElse(Duration.ZERO).toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public void onCycle(CycleReport report) {
        if (!notifier.enabled()) {
            return;
        }
        if (!readySent) {
            readySent = true;
            notifier.ready("controlling: first cycle done");
        }
        if (pingEveryNanos > 0) {
            long now = nanoTime.getAsLong();
            if (lastPing == NEVER || now - lastPing >= pingEveryNanos) {
                lastPing = now;
                notifier.watchdog();
            }
        }
    }

    @Override
    public void onShutdown() {
        notifier.status("stopped: shutdown posture written");
    }
}
