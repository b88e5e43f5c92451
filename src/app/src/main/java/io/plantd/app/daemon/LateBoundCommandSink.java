package io.plantd.app.daemon;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.command.CommandSink;
import java.util.concurrent.CompletableFuture;

/**
 * Breaks the construction cycle between the MQTT northbound (needs a sink) and the control
 * runtime (needs the northbound as a listener). Commands before binding are refused, not queued.
 */
final class LateBoundCommandSink implements CommandSink {
    private volatile CommandSink target;

    void bind(CommandSink sink) {
        this.target = sink;
    }

    @Override
    public CompletableFuture<CommandResult> submit(Command command) {
        CommandSink t = target;
        if (t == null) {
            return CompletableFuture.completedFuture(CommandResult.rejected("controller is starting; retry"));
        }
        return t.submit(command);
    }
}
