package io.plantd.controller.command;

import java.util.concurrent.CompletableFuture;

/**
 * Where validated commands go. The future completes when the cycle has applied (or refused) it,
 * so a reply can say what actually took effect; callers never block the cycle on it.
 */
public interface CommandSink {
    CompletableFuture<CommandResult> submit(Command command);
}
