package io.plantd.app.probe;

import io.plantd.drivers.bacnet.client.BacnetClient;
import io.plantd.drivers.bacnet.client.BacnetDevice;
import io.plantd.drivers.bacnet.client.BacnetDeviceOptions;
import io.plantd.drivers.bacnet.client.BacnetDeviceSilentException;
import io.plantd.drivers.bacnet.client.BacnetPoint;
import io.plantd.drivers.bacnet.client.DeviceInfo;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The commissioning read behind {@code plantd probe} for a BACnet/IP device: asks the device for its
 * I-Am, then reads every point of the profile once with its own ReadProperty, so each row shows that
 * point's object and property, its latency and, when it fails, the BACnet error the device gave.
 * Values and quality come from the same driver code the daemon polls with.
 */
public final class BacnetProbe {
    private static final Duration DISCOVER_WAIT = Duration.ofMillis(150);

    private final BacnetProbeTarget target;

    /** One point's reading: the value as plantd would see it, what was read, and how long it took. */
    public record Reading(String point, PointValue value, String reference, long readNanos) {
    }

    /**
     * What one probe found. {@code iAm} is empty when the device did not answer Who-Is for its
     * instance; {@code reachable} is false when it did not answer the reads either.
     */
    public record Outcome(boolean reachable, String failure, Optional<DeviceInfo> iAm, List<Reading> readings,
                          long latencyNanos) {
    }

    public BacnetProbe(BacnetProbeTarget target) {
        this.target = target;
    }

    public Outcome run(Clock clock) {
        long started = System.nanoTime();
        InetAddress ip = target.peer().ip().getAddress();
        InetAddress local = ip != null && ip.isLoopbackAddress() ? InetAddress.getLoopbackAddress() : null;
        try (BacnetClient client = BacnetClient.open(new InetSocketAddress(local, 0))) {
            // A short wait: a device on the LAN answers within milliseconds, and a late I-Am is still
            // picked up after the reads, so a silent device costs only the read timeouts.
            Optional<DeviceInfo> iAm = client.discover(target.peer(), target.deviceInstance(), DISCOVER_WAIT);
            BacnetDeviceOptions options = BacnetDeviceOptions.DEFAULT.withRequests(target.requests());
            if (iAm.isPresent()) {
                options = options.withMaxApduLength(iAm.get().maxApduLength());
            }
            List<Reading> readings = new ArrayList<>();
            for (PointDef def : target.profile().points()) {
                Optional<Reading> r = readOne(client, def, options, clock);
                if (r.isEmpty()) {
                    return new Outcome(false, "no answer to ReadProperty of " + def.name() + " ("
                            + BacnetPoint.resolve(def).reference() + ") within " + target.requests().timeout().toMillis()
                            + " ms x " + (1 + target.requests().retries()) + " tries"
                            + (iAm.isEmpty() ? ", and no I-Am for device " + target.deviceInstance() : ""),
                            iAm, readings, System.nanoTime() - started);
                }
                readings.add(r.get());
            }
            if (iAm.isEmpty()) {
                iAm = client.lastIAm(target.peer()).filter(i -> i.device().instance() == target.deviceInstance())
                        .map(i -> new DeviceInfo(target.peer(), i));
            }
            return new Outcome(true, "", iAm, readings, System.nanoTime() - started);
        } catch (IOException e) {
            return new Outcome(false, "cannot open a BACnet/IP socket: " + e.getMessage(), Optional.empty(), List.of(),
                    System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted", Optional.empty(), List.of(), System.nanoTime() - started);
        } catch (IllegalArgumentException e) {
            return new Outcome(false, "profile " + target.profile().name() + ": " + e.getMessage(), Optional.empty(),
                    List.of(), System.nanoTime() - started);
        }
    }

    /** Reads one point through a one-point driver device; empty when the device did not answer at all. */
    private Optional<Reading> readOne(BacnetClient client, PointDef def, BacnetDeviceOptions options, Clock clock) {
        DeviceProfile single = new DeviceProfile(target.profile().name(), target.profile().description(),
                target.profile().protocol(), target.profile().kind(), List.of(def), List.of());
        BacnetDevice device = new BacnetDevice(target.deviceId(), single, client, target.peer(), options, clock);
        String reference = BacnetPoint.resolve(def).reference().toString();
        long t0 = System.nanoTime();
        try {
            PointValue v = device.poll(clock.millis()).get(def.name());
            return Optional.of(new Reading(def.name(), v, reference, System.nanoTime() - t0));
        } catch (BacnetDeviceSilentException silent) {
            return Optional.empty();
        }
    }

    /** Prints the header line and, when the device answered, one row per point. */
    public void print(Outcome outcome, PrintWriter out) {
        out.printf(Locale.ROOT, "device %s (profile %s) at bacnet/ip %s, device instance %d: ", target.deviceId(),
                target.profile().name(), target.peer(), target.deviceInstance());
        if (!outcome.reachable()) {
            out.printf(Locale.ROOT, "UNREACHABLE after %.1f ms: %s%n", outcome.latencyNanos() / 1e6, outcome.failure());
            out.flush();
            return;
        }
        long good = outcome.readings().stream().filter(r -> r.value().isGood()).count();
        out.printf(Locale.ROOT, "%d point(s), %d GOOD, read in %.1f ms including Who-Is%n", outcome.readings().size(),
                good, outcome.latencyNanos() / 1e6);
        out.println(outcome.iAm().map(i -> "I-Am: " + i)
                .orElse("I-Am: none for device " + target.deviceInstance() + " (check the instance; reads answered anyway)"));
        int nameWidth = Math.max(5, outcome.readings().stream().mapToInt(r -> r.point().length()).max().orElse(5));
        int refWidth = Math.max(15, outcome.readings().stream().mapToInt(r -> r.reference().length()).max().orElse(15));
        String format = "%-" + nameWidth + "s  %16s  %-6s  %-7s  %-" + refWidth + "s  %10s  %s%n";
        out.printf(Locale.ROOT, format, "POINT", "VALUE", "UNIT", "QUALITY", "OBJECT/PROPERTY", "LATENCY ms", "REASON");
        for (Reading r : outcome.readings()) {
            PointValue v = r.value();
            out.printf(Locale.ROOT, format, r.point(), v.isGood() ? DeviceProbe.formatValue(v.value()) : "-", v.unit(),
                    v.quality(), r.reference(), String.format(Locale.ROOT, "%.2f", r.readNanos() / 1e6), v.reason());
        }
        out.flush();
    }
}
