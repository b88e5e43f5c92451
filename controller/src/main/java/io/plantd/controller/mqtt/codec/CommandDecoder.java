package io.plantd.controller.mqtt.codec;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.Command.OverrideMode;
import io.plantd.controller.policy.OperatingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a command payload into a {@link Command}, or refuses it with the field and the reason.
 * Pure: the known chillers, the service capacity and {@code now} are all given, nothing is read.
 */
public final class CommandDecoder {
    public static final Set<String> NAMES = Set.of("override", "cap", "mode", "rebirth");
    /** DESIGN §3: overrides and temporary caps last at most 24 h (a site may allow overrides less). */
    public static final Duration MAX_EXPIRY = Duration.ofHours(24);
    /** The largest payload read at all; anything bigger is refused before parsing. */
    public static final int MAX_PAYLOAD_BYTES = 4096;

    private static final Set<String> OVERRIDE_FIELDS = Set.of("chiller", "mode", "expiresInS", "expiresAt");
    private static final Set<String> CAP_FIELDS = Set.of("capKw", "expiresInS", "expiresAt", "clear");
    private static final Set<String> MODE_FIELDS = Set.of("mode", "economic");

    private final Set<String> chillerIds;
    private final double serviceCapacityKw;
    private final Duration defaultOverrideExpiry;
    private final Duration maxOverrideExpiry;

    public CommandDecoder(Set<String> chillerIds, double serviceCapacityKw, Duration defaultOverrideExpiry,
                          Duration maxOverrideExpiry) {
        if (maxOverrideExpiry.isNegative() || maxOverrideExpiry.isZero() || maxOverrideExpiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalArgumentException("maximum override expiry must be within (0, 24 h], got "
                    + maxOverrideExpiry);
        }
        if (defaultOverrideExpiry.isNegative() || defaultOverrideExpiry.isZero()
                || defaultOverrideExpiry.compareTo(maxOverrideExpiry) > 0) {
            throw new IllegalArgumentException("default override expiry must be within (0, " + maxOverrideExpiry
                    + "], got " + defaultOverrideExpiry);
        }
        this.chillerIds = Set.copyOf(chillerIds);
        this.serviceCapacityKw = serviceCapacityKw;
        this.defaultOverrideExpiry = defaultOverrideExpiry;
        this.maxOverrideExpiry = maxOverrideExpiry;
    }

    /** @throws PayloadException naming the field and the reason; nothing is applied then */
    public Command decode(String name, String principal, byte[] payload, Instant now) throws PayloadException {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new PayloadException("", "payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD_BYTES);
        }
        return switch (name) {
            case "override" -> override(principal, payload, now);
            case "cap" -> cap(principal, payload, now);
            case "mode" -> mode(principal, payload);
            case "rebirth" -> rebirth(principal, payload);
            default -> throw new PayloadException("", "unknown command '" + name + "'; known: "
                    + String.join(", ", new TreeSet<>(NAMES)));
        };
    }

    private Command override(String principal, byte[] payload, Instant now) throws PayloadException {
        StrictObject o = StrictObject.parse(payload, OVERRIDE_FIELDS);
        String chiller = o.requiredText("chiller");
        if (!chillerIds.contains(chiller)) {
            throw new PayloadException("chiller", "unknown chiller \"" + chiller + "\"; known: "
                    + String.join(", ", new TreeSet<>(chillerIds)));
        }
        OverrideMode mode = o.requiredEnum("mode", OverrideMode.class, EnumSet.allOf(OverrideMode.class));
        Instant expiresAt = expiry(o, now, maxOverrideExpiry).orElse(now.plus(defaultOverrideExpiry));
        return new Command.Override(principal, chiller, mode, expiresAt);
    }

    private Command cap(String principal, byte[] payload, Instant now) throws PayloadException {
        StrictObject o = StrictObject.parse(payload, CAP_FIELDS);
        if (o.has("clear")) {
            if (!o.requiredBoolean("clear")) {
                throw new PayloadException("clear", "only true is meaningful: send {\"clear\":true} to end the cap");
            }
            for (String other : List.of("capKw", "expiresInS", "expiresAt")) {
                if (o.has(other)) {
                    throw new PayloadException(other, "not with clear: a cap is either set or cleared");
                }
            }
            return new Command.ClearTemporaryCap(principal);
        }
        double capKw = o.requiredNumber("capKw");
        if (capKw <= 0) {
            throw new PayloadException("capKw", "must be > 0, got " + capKw);
        }
        if (capKw >= serviceCapacityKw) {
            throw new PayloadException("capKw", "a temporary cap may only lower the cap: " + capKw
                    + " kW is not below the service capacity of " + serviceCapacityKw + " kW");
        }
        Instant expiresAt = expiry(o, now, MAX_EXPIRY).orElseThrow(
                () -> new PayloadException("expiresInS", "required (or expiresAt): a temporary cap must expire"));
        return new Command.TemporaryCap(principal, capKw, expiresAt);
    }

    private Command mode(String principal, byte[] payload) throws PayloadException {
        StrictObject o = StrictObject.parse(payload, MODE_FIELDS);
        Optional<OperatingMode> mode = o.optionalEnum("mode", OperatingMode.class, EnumSet.allOf(OperatingMode.class));
        Optional<Boolean> economic = o.optionalBoolean("economic");
        if (mode.isEmpty() && economic.isEmpty()) {
            throw new PayloadException("mode", "give mode (AUTO or MONITOR_ONLY), economic (true or false), or both");
        }
        return new Command.Mode(principal, mode, economic);
    }

    private Command rebirth(String principal, byte[] payload) throws PayloadException {
        if (payload.length > 0) {
            StrictObject.parse(payload, Set.of());
        }
        return new Command.Rebirth(principal);
    }

    /** {@code expiresInS} or {@code expiresAt}, never both; in the future and at most {@code max} ahead. */
    private static Optional<Instant> expiry(StrictObject o, Instant now, Duration max) throws PayloadException {
        Optional<Long> inS = o.optionalWholeNumber("expiresInS");
        Optional<Instant> at = o.optionalInstant("expiresAt");
        if (inS.isPresent() && at.isPresent()) {
            throw new PayloadException("expiresAt", "give expiresInS or expiresAt, not both");
        }
        if (inS.isPresent()) {
            long s = inS.get();
            if (s <= 0 || s > max.toSeconds()) {
                throw new PayloadException("expiresInS", "must be within 1.." + max.toSeconds() + " s, got " + s);
            }
            return Optional.of(now.plusSeconds(s));
        }
        if (at.isPresent()) {
            Instant t = at.get();
            if (!t.isAfter(now)) {
                throw new PayloadException("expiresAt", "already expired: " + t + " is not after now (" + now + ")");
            }
            if (t.isAfter(now.plus(max))) {
                throw new PayloadException("expiresAt", t + " is more than " + max.toSeconds()
                        + " s ahead of now (" + now + ")");
            }
            return Optional.of(t);
        }
        return Optional.empty();
    }
}
