package io.plantd.controller.cycle;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.config.SiteConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an external command against the configuration and the cycle's clock: known chiller,
 * expiry in the future and within the maximum, a temporary cap only ever lower than the service
 * capacity. Schema checks (types, required fields) are the MQTT layer's job; this is the part
 * only the cycle can judge, because "now" is the cycle's time.
 *
 * <p>A command that passes is returned normalised (an override or cap without expiry gets the
 * default one), so the policy never sees an unbounded override.
 */
public final class CommandValidator {

    /** Either a command the step may apply (with the reply it earns) or a refusal. */
    public record Verdict(Optional<Command> accepted, CommandResult result) {
        static Verdict reject(String reason) {
            return new Verdict(Optional.empty(), CommandResult.rejected(reason));
        }

        static Verdict accept(Command command, String applied, Optional<Instant> validUntil) {
            return new Verdict(Optional.of(command), CommandResult.accepted(applied, validUntil));
        }
    }

    private final Set<String> chillerIds;
    private final double serviceCapacityKw;
    private final Duration defaultExpiry;
    private final Duration maxExpiry;

    public CommandValidator(Set<String> chillerIds, double serviceCapacityKw, Duration defaultExpiry, Duration maxExpiry) {
        this.chillerIds = Set.copyOf(chillerIds);
        this.serviceCapacityKw = serviceCapacityKw;
        this.defaultExpiry = defaultExpiry;
        this.maxExpiry = maxExpiry;
    }

    public static CommandValidator of(SiteConfig config) {
        return new CommandValidator(
                config.chillers().stream().map(c -> c.id()).collect(Collectors.toSet()),
                config.site().serviceCapacityKw(),
                Duration.ofSeconds(config.control().overrideDefaultS()),
                Duration.ofSeconds(config.control().overrideMaxS()));
    }

    public Verdict validate(Command command, Instant now) {
        if (command == null) {
            return Verdict.reject("empty command");
        }
        if (command instanceof Command.Override o) {
            return override(o, now);
        }
        if (command instanceof Command.TemporaryCap c) {
            return cap(c, now);
        }
        if (command instanceof Command.ClearTemporaryCap) {
            return Verdict.accept(command, "temporary cap cleared", Optional.empty());
        }
        if (command instanceof Command.Mode m) {
            return mode(m);
        }
        if (command instanceof Command.Rebirth) {
            return Verdict.accept(command, "rebirth", Optional.empty());
        }
        return Verdict.reject("unknown command " + command.getClass().getSimpleName());
    }

    private Verdict override(Command.Override o, Instant now) {
        if (o.chillerId() == null || !chillerIds.contains(o.chillerId())) {
            return Verdict.reject("unknown chiller '" + o.chillerId() + "' (configured: " + String.join(", ", sorted()) + ")");
        }
        if (o.mode() == null) {
            return Verdict.reject("override mode is missing");
        }
        if (o.mode() == Command.OverrideMode.AUTO) {
            return Verdict.accept(o, "override " + o.chillerId() + " cleared (AUTO)", Optional.empty());
        }
        Optional<String> bad = expiryProblem(o.expiresAt(), now);
        if (bad.isPresent()) {
            return Verdict.reject(bad.get());
        }
        Instant expires = o.expiresAt() != null ? o.expiresAt() : now.plus(defaultExpiry);
        return Verdict.accept(new Command.Override(o.principal(), o.chillerId(), o.mode(), expires),
                "override " + o.chillerId() + " " + o.mode(), Optional.of(expires));
    }

    private Verdict cap(Command.TemporaryCap c, Instant now) {
        if (!Double.isFinite(c.capKw()) || c.capKw() <= 0) {
            return Verdict.reject("capKw must be a positive number, got " + c.capKw());
        }
        if (c.capKw() >= serviceCapacityKw) {
            return Verdict.reject("capKw " + c.capKw() + " must be lower than the service capacity "
                    + serviceCapacityKw + " kW (a temporary cap can only lower the cap)");
        }
        Optional<String> bad = expiryProblem(c.expiresAt(), now);
        if (bad.isPresent()) {
            return Verdict.reject(bad.get());
        }
        Instant expires = c.expiresAt() != null ? c.expiresAt() : now.plus(defaultExpiry);
        return Verdict.accept(new Command.TemporaryCap(c.principal(), c.capKw(), expires),
                "temporary cap " + c.capKw() + " kW", Optional.of(expires));
    }

    private static Verdict mode(Command.Mode m) {
        boolean hasMode = m.mode() != null && m.mode().isPresent();
        boolean hasEconomic = m.economicEnabled() != null && m.economicEnabled().isPresent();
        if (!hasMode && !hasEconomic) {
            return Verdict.reject("mode command sets neither mode nor economicEnabled");
        }
        StringBuilder applied = new StringBuilder();
        if (hasMode) {
            applied.append("mode ").append(m.mode().get());
        }
        if (hasEconomic) {
            applied.append(applied.isEmpty() ? "" : ", ").append("economic ")
                    .append(m.economicEnabled().get() ? "enabled" : "disabled");
        }
        return Verdict.accept(m, applied.toString(), Optional.empty());
    }

    private Optional<String> expiryProblem(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return Optional.empty();
        }
        if (!expiresAt.isAfter(now)) {
            return Optional.of("expiresAt " + expiresAt + " is not in the future (now " + now + ")");
        }
        if (expiresAt.isAfter(now.plus(maxExpiry))) {
            return Optional.of("expiresAt " + expiresAt + " is more than the maximum " + maxExpiry.toSeconds()
                    + " s ahead (now " + now + ")");
        }
        return Optional.empty();
    }

    private java.util.List<String> sorted() {
        return chillerIds.stream().sorted().toList();
    }
}
