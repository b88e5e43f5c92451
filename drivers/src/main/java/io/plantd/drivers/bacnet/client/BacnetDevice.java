package io.plantd.drivers.bacnet.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.PropertyResult;
import io.plantd.drivers.bacnet.codec.Reasons;
import io.plantd.drivers.bacnet.codec.WriteProperty;
import io.plantd.drivers.bacnet.transport.BacnetAbortException;
import io.plantd.drivers.bacnet.transport.BacnetErrorException;
import io.plantd.drivers.bacnet.transport.BacnetException;
import io.plantd.drivers.bacnet.transport.BacnetRejectException;
import io.plantd.drivers.bacnet.transport.BacnetTimeoutException;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.Protocol;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured BACnet device: polls every profile point (ReadPropertyMultiple, falling back
 * to ReadProperty per point) and writes commandable points at plantd's priority with read-back.
 * Meant to be called from one thread (the device's executor); a silent device costs one
 * timeout per poll, then its circuit breaker stops asking for a while.
 */
public final class BacnetDevice {
    private static final Logger log = LoggerFactory.getLogger(BacnetDevice.class);

    private final String id;
    private final BacnetClient client;
    private final PeerAddress peer;
    private final BacnetDeviceOptions options;
    private final Clock clock;
    private final List<BacnetPoint> points;
    private final Map<String, BacnetPoint> byName = new LinkedHashMap<>();
    private final CircuitBreaker breaker;
    private volatile boolean rpmUsable;
    private volatile int maxPropertiesPerRpm = Integer.MAX_VALUE;

    public BacnetDevice(String id, DeviceProfile profile, BacnetClient client, PeerAddress peer,
                        BacnetDeviceOptions options, Clock clock) {
        if (profile.protocol() != Protocol.BACNET) {
            throw new IllegalArgumentException("profile " + profile.name() + " is not a BACnet profile");
        }
        this.id = id;
        this.client = client;
        this.peer = peer;
        this.options = options;
        this.clock = clock;
        List<BacnetPoint> resolved = new ArrayList<>();
        for (PointDef def : profile.points()) {
            BacnetPoint p = BacnetPoint.resolve(def);
            resolved.add(p);
            byName.put(p.name(), p);
        }
        this.points = List.copyOf(resolved);
        this.breaker = CircuitBreaker.of("bacnet-" + id, options.breaker());
        this.rpmUsable = options.useReadPropertyMultiple();
    }

    /** A device found by Who-Is: its I-Am's max APDU length bounds every request. */
    public static BacnetDevice fromIAm(String id, DeviceProfile profile, BacnetClient client, DeviceInfo info,
                                       BacnetDeviceOptions options, Clock clock) {
        return new BacnetDevice(id, profile, client, info.address(),
                options.withMaxApduLength(info.maxApduLength()), clock);
    }

    public String id() {
        return id;
    }

    public PeerAddress peer() {
        return peer;
    }

    public String endpoint() {
        return "bacnet/ip " + peer;
    }

    public List<BacnetPoint> points() {
        return points;
    }

    /** Every point's unit, in profile order. */
    public Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        points.forEach(p -> units.put(p.name(), p.def().unit()));
        return Collections.unmodifiableMap(units);
    }

    /** Every point's max age in ms, in profile order. */
    public Map<String, Long> maxAges() {
        Map<String, Long> ages = new LinkedHashMap<>();
        points.forEach(p -> ages.put(p.name(), p.def().maxAgeMillis()));
        return Collections.unmodifiableMap(ages);
    }

    /** False once the device refused ReadPropertyMultiple: every point is then read alone. */
    public boolean usesReadPropertyMultiple() {
        return rpmUsable;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /**
     * Reads every point once, through the device's circuit breaker, stamped with the injected
     * clock. A point the device answers with an error, reject or abort is BAD with that reason;
     * when the device stops answering, every point not yet read is BAD with the timeout, and
     * the breaker counts a failure. While the breaker is open the device is not asked at all.
     */
    public Map<String, PointValue> pollAll() {
        long now = clock.millis();
        if (!breaker.tryAcquirePermission()) {
            String reason = "circuit open: " + id + " failed repeatedly; not asked for "
                    + options.breaker().getWaitIntervalFunctionInOpenState().apply(1) + " ms after opening";
            return allBad(reason, now);
        }
        long started = System.nanoTime();
        try {
            Map<String, PointValue> values = poll(now);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return values;
        } catch (BacnetDeviceSilentException silent) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, silent);
            return silent.partial();
        } catch (RuntimeException bug) {
            // Never let one device's surprise stop the poll loop: its points go BAD (the safe side).
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, bug);
            log.error("{}: poll failed unexpectedly", id, bug);
            return allBad("internal error polling " + id + ": " + bug, now);
        }
    }

    /**
     * One poll without the breaker, for a polling layer that keeps its own: throws when the
     * device stopped answering (its {@link BacnetDeviceSilentException#partial()} holds every
     * point, those not read BAD with the timeout).
     */
    public Map<String, PointValue> poll(long timestampMillis) throws BacnetDeviceSilentException {
        Map<String, PointValue> out = new LinkedHashMap<>();
        try {
            if (rpmUsable) {
                readByBatches(out, timestampMillis);
            } else {
                readEach(points, out, timestampMillis);
            }
        } catch (BacnetException silent) {
            for (BacnetPoint p : points) {
                out.putIfAbsent(p.name(), PointValue.bad(p.def().unit(), silent.reason(), timestampMillis));
            }
            throw new BacnetDeviceSilentException(silent.reason(), inProfileOrder(out));
        }
        return inProfileOrder(out);
    }

    private Map<String, PointValue> inProfileOrder(Map<String, PointValue> values) {
        Map<String, PointValue> ordered = new LinkedHashMap<>();
        points.forEach(p -> ordered.put(p.name(), values.get(p.name())));
        return ordered;
    }

    private Map<String, PointValue> allBad(String reason, long now) {
        Map<String, PointValue> out = new LinkedHashMap<>();
        points.forEach(p -> out.put(p.name(), PointValue.bad(p.def().unit(), reason, now)));
        return out;
    }

    private void readByBatches(Map<String, PointValue> out, long now) throws BacnetException {
        List<BacnetPoint> remaining = new ArrayList<>(points);
        while (!remaining.isEmpty()) {
            if (!rpmUsable) {
                readEach(remaining, out, now);
                return;
            }
            List<BacnetPoint> batch = List.copyOf(
                    ReadPlanner.batches(remaining, options.maxApduLength(), maxPropertiesPerRpm).get(0));
            List<PropertyReference> refs = batch.stream().map(BacnetPoint::reference).toList();
            try {
                List<PropertyResult> results = client.readPropertyMultiple(peer, refs, options.requests());
                for (int i = 0; i < batch.size(); i++) {
                    BacnetPoint p = batch.get(i);
                    PropertyResult r = results.get(i);
                    out.put(p.name(), r.isError()
                            ? PointValue.bad(p.def().unit(), "bacnet error " + r.describeError(), now)
                            : toPointValue(p, r.values(), now));
                }
            } catch (BacnetTimeoutException e) {
                throw e;
            } catch (BacnetRejectException | BacnetErrorException e) {
                // Devices without RPM answer Reject unrecognized-service or an Error: stop asking.
                rpmUsable = false;
                log.info("{}: ReadPropertyMultiple refused ({}); reading each point with ReadProperty", id, e.reason());
                continue;
            } catch (BacnetAbortException e) {
                if (e.replyTooLarge() && batch.size() > 1) {
                    // The reply would need segmentation: ask for half as much, now and in later polls.
                    maxPropertiesPerRpm = Math.max(1, batch.size() / 2);
                    log.info("{}: ReadPropertyMultiple reply too large ({}); at most {} properties per request",
                            id, e.reason(), maxPropertiesPerRpm);
                    continue;
                }
                readEach(batch, out, now);
            } catch (BacnetException e) {
                log.info("{}: ReadPropertyMultiple failed ({}); reading each point of the batch", id, e.reason());
                readEach(batch, out, now);
            }
            remaining.subList(0, batch.size()).clear();
        }
    }

    /** ReadProperty per point; a timeout ends the poll (the device is gone), anything else is per point. */
    private void readEach(List<BacnetPoint> batch, Map<String, PointValue> out, long now) throws BacnetException {
        for (BacnetPoint p : batch) {
            try {
                out.put(p.name(), toPointValue(p, client.readProperty(peer, p.reference(), options.requests()), now));
            } catch (BacnetTimeoutException e) {
                throw e;
            } catch (BacnetException e) {
                out.put(p.name(), PointValue.bad(p.def().unit(), e.reason(), now));
            }
        }
    }

    private static PointValue toPointValue(BacnetPoint p, List<BacnetValue> values, long now) {
        ValueMapping.Either v = ValueMapping.toDouble(values);
        if (!v.isOk()) {
            return PointValue.bad(p.def().unit(), v.problem(), now);
        }
        if (!p.def().withinLimits(v.value())) {
            return PointValue.bad(p.def().unit(), "value " + v.value() + " outside limits [" + p.def().min() + ", "
                    + p.def().max() + "]", now);
        }
        return PointValue.good(v.value(), p.def().unit(), now);
    }

    // ---- writes ----

    /** Writes and verifies; see {@link #writeDetailed} for the deferred-to-higher-priority case. */
    public WriteResult write(String point, double value) {
        return writeDetailed(point, value).result();
    }

    /**
     * Writes {@code value} at the point's priority (plantd's 10 unless the profile says
     * otherwise) and reads Present_Value back. When it differs because a higher priority holds
     * the object, the outcome is {@link BacnetWriteOutcome.Status#DEFERRED_TO_HIGHER_PRIORITY}.
     */
    public BacnetWriteOutcome writeDetailed(String point, double value) {
        PointId pid = PointId.of(id, point);
        BacnetPoint p = byName.get(point);
        if (p == null) {
            return BacnetWriteOutcome.failed(WriteResult.failed(pid, value, "no point " + point + " on " + id));
        }
        if (!p.def().writable()) {
            return BacnetWriteOutcome.failed(WriteResult.failed(pid, value, "point " + point + " is not writable"));
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return BacnetWriteOutcome.failed(WriteResult.failed(pid, value, "refusing to write " + value));
        }
        if (!p.def().withinLimits(value)) {
            return BacnetWriteOutcome.failed(WriteResult.failed(pid, value, "value " + value + " outside limits ["
                    + p.def().min() + ", " + p.def().max() + "]: not written"));
        }
        BacnetValue encoded;
        try {
            encoded = ValueMapping.forWrite(p.reference(), value);
        } catch (IllegalArgumentException e) {
            return BacnetWriteOutcome.failed(WriteResult.failed(pid, value, e.getMessage() + ": not written"));
        }
        int priority = p.isCommandablePresentValue() ? p.writePriority() : WriteProperty.NO_PRIORITY;
        return guarded(pid, value, () -> {
            client.writeProperty(peer, new WriteProperty(p.reference(), List.of(encoded), priority), options.requests());
            return verify(pid, p, value, encoded, priority);
        });
    }

    /** Writes NULL at plantd's priority so lower priorities or Relinquish_Default take over. */
    public WriteResult relinquish(String point) {
        PointId pid = PointId.of(id, point);
        BacnetPoint p = byName.get(point);
        if (p == null || !p.def().writable() || !p.isCommandablePresentValue()) {
            return WriteResult.failed(pid, Double.NaN, "point " + point + " is not a writable commandable present-value");
        }
        return guarded(pid, Double.NaN, () -> {
            client.writeProperty(peer, new WriteProperty(p.reference(), List.of(BacnetValue.Null.INSTANCE),
                    p.writePriority()), options.requests());
            ValueMapping.Either now = ValueMapping.toDouble(client.readProperty(peer, p.reference(), options.requests()));
            log.info("{}/{}: relinquished priority {}; present-value now {}", id, point, p.writePriority(),
                    now.isOk() ? now.value() : now.problem());
            return BacnetWriteOutcome.verified(new WriteResult(pid, Double.NaN, now.value(), true,
                    "relinquished priority " + p.writePriority()));
        }).result();
    }

    private BacnetWriteOutcome verify(PointId pid, BacnetPoint p, double value, BacnetValue encoded, int priority)
            throws BacnetException {
        ValueMapping.Either readBack = ValueMapping.toDouble(client.readProperty(peer, p.reference(), options.requests()));
        if (readBack.isOk() && ValueMapping.sameAsWritten(encoded, readBack.value())) {
            log.info("{}: wrote {} at priority {}, verified by read-back", pid, value, priority);
            return BacnetWriteOutcome.verified(WriteResult.verified(pid, value, readBack.value()));
        }
        if (p.isCommandablePresentValue()) {
            int holder = highestActivePriority(p);
            if (holder > 0 && holder < priority) {
                String reason = "deferred: priority " + holder + " holds " + p.name() + " at " + readBack.value()
                        + ", above plantd's priority " + priority + "; not retried";
                log.warn("{}: {}", pid, reason);
                return BacnetWriteOutcome.deferred(new WriteResult(pid, value, readBack.value(), false, reason), holder);
            }
        }
        String why = readBack.isOk() ? "read-back " + readBack.value() + " differs from written " + value
                : "read-back unusable: " + readBack.problem();
        log.warn("{}: write of {} not verified: {}", pid, value, why);
        return BacnetWriteOutcome.failed(new WriteResult(pid, value, readBack.value(), false, why));
    }

    /** The highest (numerically lowest) non-NULL slot of the object's Priority_Array, or 0. */
    private int highestActivePriority(BacnetPoint p) throws BacnetException {
        PropertyReference array = PropertyReference.of(p.reference().object(), PropertyIds.PRIORITY_ARRAY);
        List<BacnetValue> slots = client.readProperty(peer, array, options.requests());
        for (int i = 0; i < slots.size(); i++) {
            if (!(slots.get(i) instanceof BacnetValue.Null)) {
                return i + 1;
            }
        }
        return 0;
    }

    private interface WriteCall {
        BacnetWriteOutcome run() throws BacnetException;
    }

    private BacnetWriteOutcome guarded(PointId pid, double value, WriteCall call) {
        if (!breaker.tryAcquirePermission()) {
            return BacnetWriteOutcome.failed(WriteResult.failed(pid, value, "circuit open: " + id
                    + " failed repeatedly; not written"));
        }
        long started = System.nanoTime();
        try {
            BacnetWriteOutcome outcome = call.run();
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return outcome;
        } catch (RuntimeException bug) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, bug);
            log.error("{}: write of {} failed unexpectedly", pid, value, bug);
            return BacnetWriteOutcome.failed(WriteResult.failed(pid, value, "internal error: " + bug));
        } catch (BacnetException e) {
            if (e.deviceResponded()) {
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            }
            String reason = e instanceof BacnetErrorException err
                    && err.errorCode() == Reasons.ERROR_CODE_WRITE_ACCESS_DENIED
                    ? e.reason() + " (is the object commandable and the point writable?)" : e.reason();
            log.warn("{}: write of {} failed: {}", pid, value, reason);
            return BacnetWriteOutcome.failed(WriteResult.failed(pid, value, reason));
        }
    }
}
