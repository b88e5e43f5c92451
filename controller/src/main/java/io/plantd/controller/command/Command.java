package io.plantd.controller.command;

import io.plantd.controller.policy.OperatingMode;
import java.time.Instant;
import java.util.Optional;

/** A validated command from outside (MQTT). Applied by the cycle at the start of its next run. */
public sealed interface Command {
    /** Who sent it (client id or certificate CN), for the log. */
    String principal();

    /** Per-chiller override; AUTO clears it. */
    record Override(String principal, String chillerId, OverrideMode mode, Instant expiresAt) implements Command {
    }

    /** A temporary cap, only ever lower than the configured one. */
    record TemporaryCap(String principal, double capKw, Instant expiresAt) implements Command {
    }

    /** Ends the temporary cap before its expiry (nothing to do when none is in force). */
    record ClearTemporaryCap(String principal) implements Command {
    }

    record Mode(String principal, Optional<OperatingMode> mode, Optional<Boolean> economicEnabled) implements Command {
    }

    /** Republish everything. */
    record Rebirth(String principal) implements Command {
    }

    enum OverrideMode {
        AUTO,
        MOTOR,
        ENGINE,
        LOCAL
    }
}
