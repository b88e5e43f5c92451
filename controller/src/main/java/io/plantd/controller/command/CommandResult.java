package io.plantd.controller.command;

import java.time.Instant;
import java.util.Optional;

/** The reply to a command: {@code {ok, reason, applied, validUntil}}. */
public record CommandResult(boolean ok, String reason, String applied, Optional<Instant> validUntil) {
    public static CommandResult rejected(String reason) {
        return new CommandResult(false, reason, "", Optional.empty());
    }

    public static CommandResult accepted(String applied, Optional<Instant> validUntil) {
        return new CommandResult(true, "accepted", applied, validUntil);
    }
}
