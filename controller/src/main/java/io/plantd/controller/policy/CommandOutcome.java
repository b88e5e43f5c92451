package io.plantd.controller.policy;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;

/** What the step did with one external command, for the reply to its sender. */
public record CommandOutcome(Command command, CommandResult result) {
}
