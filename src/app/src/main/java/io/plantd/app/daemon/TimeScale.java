package io.plantd.app.daemon;

import io.plantd.controller.config.Connection;
import io.plantd.controller.config.DeviceConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.Sleeper;
import io.plantd.controller.cycle.Ticker;
import io.plantd.drivers.poll.BreakerSettings;
import io.plantd.drivers.poll.PollSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Accelerated time for simulation and testing only: the daemon's clock runs {@code factor} times
 * faster than the wall clock, and so do its cycle ticker and every poll (each period and breaker
 * wait is divided by the factor in wall time). Every timer of the policy (min run, release delay,
 * lead time, starts per hour) therefore elapses {@code factor} times faster, exactly like the
 * simulator's plant when it runs at the same speed.
 *
 * <p>The clock reads {@code start} until the wall instant {@code anchor} and from then on advances
 * {@code factor} simulated seconds per wall second; the cycle ticker stands still until the anchor
 * too, so no policy timer runs before it. Giving the simulator's scenario start and the wall
 * instant its simulated time starts ({@code SimulatorRunner.Options.withStartAt}) as (start,
 * anchor) puts the daemon on the simulator's time base: elapsed times agree, and grid-event times
 * read from the simulated gateway mean the same instant to both. An anchor a few seconds ahead
 * lets the daemon's JVM start before the plant moves.
 */
public record TimeScale(double factor, Instant start, Instant anchor) {
    /** Plenty for a 1 h scenario in well under a minute; beyond it a 1 s cycle is under 10 ms of wall time. */
    public static final double MAX_FACTOR = 200;

    public TimeScale {
        if (!(factor >= 1) || factor > MAX_FACTOR) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--time-scale must be between 1 and %.0f, got %s", MAX_FACTOR, factor));
        }
    }

    /** Runs from now, from the wall clock's current reading. */
    public static TimeScale of(double factor) {
        Instant now = Instant.now();
        return new TimeScale(factor, now, now);
    }

    /**
     * The devices that are not on a loopback address. Accelerated time only makes sense against a
     * simulator; against real equipment it would start engines on a compressed timeline.
     */
    public static List<String> nonLoopbackDevices(SiteConfig config) {
        List<String> bad = new ArrayList<>();
        for (DeviceConfig device : config.devices()) {
            Connection c = device.connection();
            String host = c instanceof Connection.ModbusTcp t ? t.host()
                    : c instanceof Connection.BacnetIp b ? b.host() : null;
            if (host == null) {
                bad.add(device.id() + " (serial line)");
            } else if (!isLoopback(host)) {
                bad.add(device.id() + " (" + host + ")");
            }
        }
        return bad;
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The scaled wall clock (UTC). */
    public Clock clock() {
        long anchorNanos = nanosAt(anchor);
        return new ScaledClock(this, anchorNanos, ZoneOffset.UTC);
    }

    /** A monotonic ticker running {@code factor} times faster than {@link System#nanoTime()} from the anchor on. */
    public Ticker ticker() {
        long anchorNanos = nanosAt(anchor);
        return () -> (long) (Math.max(0, System.nanoTime() - anchorNanos) * factor);
    }

    /** Sleeps scaled nanoseconds: {@code nanos / factor} of wall time. */
    public Sleeper sleeper() {
        return nanos -> LockSupport.parkNanos(Math.max(1, (long) (nanos / factor)));
    }

    /** The poll settings with the period and the breaker's open wait in scaled time. */
    public PollSettings scale(PollSettings settings) {
        BreakerSettings b = settings.breaker();
        BreakerSettings breaker = new BreakerSettings(b.windowSize(), b.minimumCalls(), b.failureRatePercent(),
                Duration.ofNanos(Math.max(1_000_000, (long) (b.openWait().toNanos() / factor))), b.halfOpenProbes());
        return new PollSettings(Math.max(1, Math.round(settings.periodMs() / factor)), settings.bus(), breaker);
    }

    /** The {@link System#nanoTime()} reading that corresponds to a wall instant. */
    private static long nanosAt(Instant wall) {
        long nowNanos = System.nanoTime();
        Duration sinceAnchor = Duration.between(wall, Instant.now());
        return nowNanos - sinceAnchor.toNanos();
    }

    private static final class ScaledClock extends Clock {
        private final TimeScale scale;
        private final long anchorNanos;
        private final ZoneId zone;

        ScaledClock(TimeScale scale, long anchorNanos, ZoneId zone) {
            this.scale = scale;
            this.anchorNanos = anchorNanos;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new ScaledClock(scale, anchorNanos, z);
        }

        @Override
        public Instant instant() {
            long scaled = (long) (Math.max(0, System.nanoTime() - anchorNanos) * scale.factor());
            return scale.start().plusNanos(scaled);
        }
    }
}
