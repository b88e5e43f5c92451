package io.plantd.controller.cycle;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.command.CommandSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Hands validated external commands to the control cycle. Any thread may {@link #submit}; the
 * cycle {@link #drain}s once at its start. Bounded: when full, a command is refused at once
 * rather than queued without limit.
 *
 * <p>Per-command results stay here rather than in the {@link CycleStep} contract: the step gets
 * only commands that already passed {@link CommandValidator} (the checks that need config and
 * the cycle's clock), so a command the step receives is applied. Its future completes with
 * {@code accepted} once the step has run, or with a refusal if the step failed.
 */
public final class CommandQueue implements CommandSink {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandQueue.class);

    private record Pending(Command command, CompletableFuture<CommandResult> future) {
    }

    private final BlockingQueue<Pending> queue;
    private final CommandValidator validator;
    private final AtomicLong refusedFull = new AtomicLong();
    private volatile boolean closed;

    public CommandQueue(int capacity, CommandValidator validator) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.validator = validator;
    }

    /**
     * The returned future's dependants run on the common pool, never on the control thread that
     * completes it, so a slow reply publisher cannot stall the cycle.
     */
    @Override
    public CompletableFuture<CommandResult> submit(Command command) {
        CompletableFuture<CommandResult> done = new CompletableFuture<>();
        if (closed) {
            done.complete(CommandResult.rejected("plantd is shutting down"));
        } else if (!queue.offer(new Pending(command, done))) {
            refusedFull.incrementAndGet();
            done.complete(CommandResult.rejected("command queue full (" + queue.size() + " pending); try again"));
        } else if (closed) {
            // close() may have drained just before our offer; make sure nothing waits forever.
            rejectAll("plantd is shutting down");
        }
        return done.thenApplyAsync(Function.identity());
    }

    /** Takes every queued command, refusing the invalid ones at once. Control thread only. */
    public Batch drain(Instant now) {
        List<Pending> taken = new ArrayList<>();
        queue.drainTo(taken);
        Batch batch = new Batch();
        for (Pending p : taken) {
            CommandValidator.Verdict v;
            try {
                v = validator.validate(p.command(), now);
            } catch (RuntimeException e) {
                v = new CommandValidator.Verdict(java.util.Optional.empty(),
                        CommandResult.rejected("invalid command: " + e));
            }
            if (v.accepted().isPresent()) {
                batch.add(v.accepted().get(), p.future(), v.result());
            } else {
                LOG.info("command refused from {}: {} ({})", principal(p.command()), p.command(), v.result().reason());
                p.future().complete(v.result());
            }
        }
        return batch;
    }

    /** Refuses everything queued and everything submitted later. */
    public void close() {
        closed = true;
        rejectAll("plantd is shutting down");
    }

    public long refusedBecauseFull() {
        return refusedFull.get();
    }

    public int pending() {
        return queue.size();
    }

    private void rejectAll(String reason) {
        List<Pending> taken = new ArrayList<>();
        queue.drainTo(taken);
        taken.forEach(p -> p.future().complete(CommandResult.rejected(reason)));
    }

    private static String principal(Command c) {
        return c == null ? "?" : c.principal();
    }

    /** The valid commands of one cycle, and the replies they get once the step has run. */
    public static final class Batch {
        private final List<Command> commands = new ArrayList<>();
        private final List<CompletableFuture<CommandResult>> futures = new ArrayList<>();
        private final List<CommandResult> results = new ArrayList<>();

        private void add(Command command, CompletableFuture<CommandResult> future, CommandResult result) {
            commands.add(command);
            futures.add(future);
            results.add(result);
        }

        public List<Command> commands() {
            return List.copyOf(commands);
        }

        /** The step ran with these commands: each gets its accepted reply. */
        public void applied() {
            for (int i = 0; i < futures.size(); i++) {
                LOG.info("command applied from {}: {}", commands.get(i).principal(), results.get(i).applied());
                futures.get(i).complete(results.get(i));
            }
        }

        /** The step failed: nothing was applied. */
        public void failed(String reason) {
            futures.forEach(f -> f.complete(CommandResult.rejected("not applied: " + reason)));
        }
    }
}
