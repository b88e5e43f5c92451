package io.plantd.controller.cycle;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.api.PointWriter;
import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.point.PointId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the cycle's {@link DriveCommand}s into register writes without ever waiting on a device:
 * <ul>
 *   <li>{@code drive_mode_cmd} (and {@code engine_share_cmd} in %, for BLEND) only when the value
 *       changes or the re-assert period ran out;</li>
 *   <li>{@code heartbeat} on every cycle, 1..65535 then 0, so a chiller falls back to local control
 *       when plantd stops;</li>
 *   <li>at most one write in flight per point: while one is pending the next is skipped and
 *       counted (a slow device must not pile up writes);</li>
 *   <li>every {@link WriteResult} (read-back verified by the driver) is checked on the next cycle;
 *       a failure raises {@code write-failed-<chiller>} and forces the value to be written again;</li>
 *   <li>MONITOR_ONLY writes nothing, not even the heartbeat.</li>
 * </ul>
 * Called from the control thread only, except {@link #writePosture} at shutdown.
 */
public final class Actuator {
    private static final Logger LOG = LoggerFactory.getLogger(Actuator.class);
    static final int HEARTBEAT_MAX = 65535;

    /** One shutdown-posture write. {@code from} is the last mode plantd wrote (LOCAL if none). */
    public record PostureWrite(String chillerId, DriveMode from, DriveMode to, CompletableFuture<WriteResult> result) {
    }

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<PointId, InFlight> inFlight = new HashMap<>();
    private final java.util.Set<String> unknownWarned = new java.util.HashSet<>();
    private final PointWriter writer;
    private final long reassertNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skippedPending = new AtomicLong();
    private volatile List<Alarm> alarms = List.of();
    private volatile boolean shutDown;
    private volatile OperatingMode lastMode;

    public Actuator(List<ChillerConfig> chillers, PointWriter writer, Duration reassert) {
        if (reassert.isNegative() || reassert.isZero()) {
            throw new IllegalArgumentException("re-assert period must be positive, got " + reassert);
        }
        this.writer = writer;
        this.reassertNanos = reassert.toNanos();
        for (ChillerConfig c : chillers) {
            channels.put(c.id(), new Channel(c.id(), c.device()));
        }
    }

    /**
     * Writes what changed (or is due again) and the heartbeats. {@code nowNanos} is the loop's
     * monotonic time (re-assert timing must not follow wall-clock jumps); {@code now} stamps alarms.
     */
    public void apply(List<DriveCommand> commands, OperatingMode mode, Instant now, long nowNanos) {
        lock.lock();
        try {
            if (shutDown) {
                return;
            }
            harvest(now);
            lastMode = mode;
            if (mode == OperatingMode.MONITOR_ONLY) {
                // The chillers' watchdogs take them to local control meanwhile; back in AUTO every
                // command must be written at once, so forget what was written.
                channels.values().forEach(Channel::forgetWritten);
                return;
            }
            for (DriveCommand command : commands) {
                Channel ch = channels.get(command.chillerId());
                if (ch == null) {
                    if (unknownWarned.add(command.chillerId())) {
                        LOG.warn("drive command for unknown chiller '{}' ignored", command.chillerId());
                    }
                    continue;
                }
                writeCommand(ch, command, now, nowNanos);
            }
            for (Channel ch : channels.values()) {
                int next = ch.heartbeat >= HEARTBEAT_MAX ? 0 : ch.heartbeat + 1;
                if (submit(ch, ch.heartbeatPoint, next, now)) {
                    ch.heartbeat = next;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void writeCommand(Channel ch, DriveCommand command, Instant now, long nowNanos) {
        if (command.mode() == DriveMode.BLEND) {
            double share = Math.max(0.0, Math.min(1.0, command.engineShare())) * 100.0;
            boolean shareDue = ch.lastShare == null || Math.abs(ch.lastShare - share) > 1e-6
                    || nowNanos - ch.lastShareWriteNanos >= reassertNanos;
            // The share goes first so the unit never runs BLEND on the previous share.
            if (shareDue && submit(ch, ch.sharePoint, share, now)) {
                ch.lastShare = share;
                ch.lastShareWriteNanos = nowNanos;
            }
        }
        int code = command.mode().code();
        boolean unknown = ch.lastModeCode == null;
        boolean changed = unknown || ch.lastModeCode != code;
        if (!changed && nowNanos - ch.lastModeWriteNanos < reassertNanos) {
            return;
        }
        if (!submit(ch, ch.modePoint, code, now)) {
            return;
        }
        if (ch.lastSubmitted != command.mode()) {
            LOG.info("chiller {} drive {} -> {}{} ({}: {})", ch.id, ch.lastSubmitted == null ? "?" : ch.lastSubmitted,
                    command.mode(), command.mode() == DriveMode.BLEND ? " share " + ch.lastShare + " %" : "",
                    command.reason(), command.detail());
        } else if (unknown) {
            LOG.info("chiller {} drive {} written again ({}: {})", ch.id, command.mode(), command.reason(), command.detail());
        } else {
            LOG.debug("chiller {} drive {} re-asserted", ch.id, command.mode());
        }
        ch.lastSubmitted = command.mode();
        ch.lastModeCode = code;
        ch.lastModeWriteNanos = nowNanos;
    }

    /** Starts a write unless one is still pending on that point. Returns whether it was started. */
    private boolean submit(Channel ch, PointId point, double value, Instant now) {
        InFlight previous = inFlight.get(point);
        if (previous != null) {
            if (!previous.future.isDone()) {
                skippedPending.incrementAndGet();
                LOG.debug("write to {} skipped: previous write still pending", point);
                return false;
            }
            handle(previous, now);
        }
        inFlight.put(point, new InFlight(ch, point, value, start(point, value)));
        submitted.incrementAndGet();
        return true;
    }

    private CompletableFuture<WriteResult> start(PointId point, double value) {
        try {
            CompletableFuture<WriteResult> f = writer.write(point, value);
            return f != null ? f : CompletableFuture.completedFuture(WriteResult.failed(point, value, "writer returned no result"));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(WriteResult.failed(point, value, "write not started: " + e));
        }
    }

    /** Checks every finished write; failures raise the chiller's alarm, a success clears it. */
    private void harvest(Instant now) {
        List<InFlight> done = new ArrayList<>();
        for (InFlight f : inFlight.values()) {
            if (f.future.isDone()) {
                done.add(f);
            }
        }
        for (InFlight f : done) {
            inFlight.remove(f.point);
            handle(f, now);
        }
        publishAlarms();
    }

    private void handle(InFlight f, Instant now) {
        WriteResult r = resultOf(f);
        Channel ch = f.channel;
        if (r.ok()) {
            if (ch.failures.remove(f.point) != null && ch.failures.isEmpty()) {
                LOG.info("chiller {}: writes verified again, alarm write-failed-{} cleared", ch.id, ch.id);
                ch.alarmSince = null;
            }
            return;
        }
        failed.incrementAndGet();
        String reason = r.reason() == null || r.reason().isBlank() ? "no reason given" : r.reason();
        if (ch.failures.isEmpty()) {
            ch.alarmSince = now;
            LOG.warn("chiller {}: write {} = {} failed: {}", ch.id, f.point, f.value, reason);
        } else {
            LOG.debug("chiller {}: write {} = {} failed: {}", ch.id, f.point, f.value, reason);
        }
        ch.failures.put(f.point, reason);
        // Not confirmed, so not known to be in the device: write it again next cycle.
        if (f.point.equals(ch.modePoint) && ch.lastModeCode != null && ch.lastModeCode == f.value) {
            ch.lastModeCode = null;
        } else if (f.point.equals(ch.sharePoint) && ch.lastShare != null && ch.lastShare == f.value) {
            ch.lastShare = null;
        }
    }

    private static WriteResult resultOf(InFlight f) {
        try {
            WriteResult r = f.future.join();
            return r != null ? r : WriteResult.failed(f.point, f.value, "no write result");
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return WriteResult.failed(f.point, f.value, cause.toString());
        }
    }

    private void publishAlarms() {
        List<Alarm> active = new ArrayList<>();
        for (Channel ch : channels.values()) {
            if (!ch.failures.isEmpty()) {
                StringBuilder msg = new StringBuilder("write to chiller ").append(ch.id).append(" failed:");
                ch.failures.forEach((p, why) -> msg.append(' ').append(p.point()).append(": ").append(why).append(';'));
                msg.setLength(msg.length() - 1);
                active.add(new Alarm("write-failed-" + ch.id, Alarm.Severity.CRITICAL, msg.toString(), ch.alarmSince));
            }
        }
        alarms = List.copyOf(active);
    }

    /**
     * Writes {@code posture} to every chiller's drive_mode_cmd regardless of pending writes, and
     * stops all later {@link #apply} writes. Waits at most {@code lockWait} for a cycle that is
     * inside {@link #apply}; the posture is written even if that cycle does not let go.
     */
    public List<PostureWrite> writePosture(DriveMode posture, Duration lockWait) {
        boolean locked = false;
        try {
            locked = lock.tryLock(lockWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            shutDown = true;
            List<PostureWrite> writes = new ArrayList<>();
            for (Channel ch : channels.values()) {
                DriveMode from = ch.lastSubmitted == null ? DriveMode.LOCAL : ch.lastSubmitted;
                LOG.info("chiller {} drive {} -> {} ({})", ch.id, from, posture, Reason.SHUTDOWN_POSTURE);
                writes.add(new PostureWrite(ch.id, from, posture, start(ch.modePoint, posture.code())));
                submitted.incrementAndGet();
            }
            return writes;
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /** Stops all later {@link #apply} writes without writing anything (shutdown in MONITOR_ONLY). */
    public void stopWriting(Duration lockWait) {
        boolean locked = false;
        try {
            locked = lock.tryLock(lockWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutDown = true;
        if (locked) {
            lock.unlock();
        }
    }

    /** The active write-failure alarms, as of the last cycle. */
    public List<Alarm> alarms() {
        return alarms;
    }

    /** The operating mode of the last cycle that reached the actuator, or null before the first. */
    public OperatingMode lastOperatingMode() {
        return lastMode;
    }

    public long writesSubmitted() {
        return submitted.get();
    }

    public long writesFailed() {
        return failed.get();
    }

    public long writesSkippedPending() {
        return skippedPending.get();
    }

    private record InFlight(Channel channel, PointId point, double value, CompletableFuture<WriteResult> future) {
    }

    private static final class Channel {
        final String id;
        final PointId modePoint;
        final PointId sharePoint;
        final PointId heartbeatPoint;
        final Map<PointId, String> failures = new LinkedHashMap<>();
        Instant alarmSince;
        Integer lastModeCode;
        DriveMode lastSubmitted;
        long lastModeWriteNanos;
        Double lastShare;
        long lastShareWriteNanos;
        int heartbeat;

        Channel(String id, String device) {
            this.id = id;
            this.modePoint = PointId.of(device, ChillerPoints.DRIVE_MODE_CMD);
            this.sharePoint = PointId.of(device, ChillerPoints.ENGINE_SHARE_CMD);
            this.heartbeatPoint = PointId.of(device, ChillerPoints.HEARTBEAT);
        }

        void forgetWritten() {
            lastModeCode = null;
            lastShare = null;
        }
    }
}
