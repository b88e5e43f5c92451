package io.plantd.controller.cycle;

import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.api.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGTERM does, inside a fixed budget (10 s by default) even when devices hang:
 * <ol>
 *   <li>stop the loop (wait for the cycle in progress, bounded) and refuse further commands;</li>
 *   <li>write the shutdown posture to every chiller (reason SHUTDOWN_POSTURE) and wait for the
 *       read-back results, bounded; skipped in MONITOR_ONLY, where plantd must write nothing;</li>
 *   <li>publish a last report with the posture changes (MQTT event, decision log);</li>
 *   <li>close the publishers, which calls each consumer's {@code onShutdown} (MQTT: offline,
 *       disconnect; decision log: close the file).</li>
 * </ol>
 * Idempotent: later calls return the first outcome.
 */
public final class ShutdownSequence {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    /** Time bounds of the steps; the total is never exceeded. */
    public record Budget(Duration total, Duration loopStop, Duration postureWrites) {
        public static Budget standard() {
            return new Budget(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(5));
        }
    }

    /** What happened, for the log and for tests. */
    public record Outcome(int postureVerified, int postureFailed, int postureUnconfirmed, boolean postureSkipped,
                          boolean loopStopped, boolean publishersClosed, Duration took) {
    }

    private final ControlLoop loop;
    private final CommandQueue commands;
    private final Actuator actuator;
    private final DriveMode posture;
    private final List<PublishHub> publishers;
    private final Budget budget;
    private final Ticker ticker;
    private final Clock clock;
    private Outcome outcome;

    public ShutdownSequence(ControlLoop loop, CommandQueue commands, Actuator actuator, DriveMode posture,
                            List<PublishHub> publishers, Budget budget, Ticker ticker, Clock clock) {
        this.loop = loop;
        this.commands = commands;
        this.actuator = actuator;
        this.posture = posture;
        this.publishers = List.copyOf(publishers);
        this.budget = budget;
        this.ticker = ticker;
        this.clock = clock;
    }

    /** Registers {@link #run} as a JVM shutdown hook (SIGTERM, SIGINT) and returns the hook thread. */
    public Thread installShutdownHook() {
        Thread hook = new Thread(this::run, "plantd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    public synchronized Outcome run() {
        if (outcome != null) {
            return outcome;
        }
        long start = ticker.nanos();
        long deadline = start + budget.total().toNanos();
        LOG.info("shutting down: stopping the control loop");
        boolean stopped = loop.stop(min(budget.loopStop(), remaining(deadline)));
        if (!stopped) {
            LOG.warn("control loop did not stop within {} ms; writing the shutdown posture anyway",
                    budget.loopStop().toMillis());
        }
        commands.close();

        int verified = 0;
        int failed = 0;
        int unconfirmed = 0;
        boolean skipped = actuator.lastOperatingMode() == OperatingMode.MONITOR_ONLY;
        List<CommandChange> changes = new ArrayList<>();
        if (skipped) {
            LOG.info("monitor-only mode: shutdown posture {} not written", posture);
            actuator.stopWriting(min(Duration.ofMillis(500), remaining(deadline)));
        } else {
            List<Actuator.PostureWrite> writes = actuator.writePosture(posture, min(Duration.ofMillis(500), remaining(deadline)));
            awaitAll(writes, min(budget.postureWrites(), remaining(deadline)));
            for (Actuator.PostureWrite w : writes) {
                String detail;
                if (!w.result().isDone()) {
                    unconfirmed++;
                    detail = "shutdown posture " + posture + " written, no read-back within "
                            + budget.postureWrites().toMillis() + " ms";
                    LOG.warn("chiller {}: {}", w.chillerId(), detail);
                } else {
                    WriteResult r = resultOf(w);
                    if (r.ok()) {
                        verified++;
                        detail = "shutdown posture " + posture + " written and verified";
                    } else {
                        failed++;
                        detail = "shutdown posture " + posture + " write failed: " + r.reason();
                        LOG.warn("chiller {}: {}", w.chillerId(), detail);
                    }
                }
                changes.add(new CommandChange(w.chillerId(), w.from(), w.to(), 0.0, Reason.SHUTDOWN_POSTURE, detail));
            }
        }
        publishPosture(changes);

        boolean closed = true;
        for (PublishHub hub : publishers) {
            closed &= hub.close(remaining(deadline));
        }
        Duration took = Duration.ofNanos(ticker.nanos() - start);
        outcome = new Outcome(verified, failed, unconfirmed, skipped, stopped, closed, took);
        LOG.info("shutdown done in {} ms: posture {} verified on {}, failed on {}, unconfirmed on {}{}",
                took.toMillis(), posture, verified, failed, unconfirmed, skipped ? " (skipped: monitor-only)" : "");
        return outcome;
    }

    private void publishPosture(List<CommandChange> changes) {
        CycleReport last = loop.lastReport().orElse(null);
        if (last == null || changes.isEmpty()) {
            return;
        }
        List<ChillerStatus> chillers = new ArrayList<>();
        for (ChillerStatus s : last.chillers()) {
            chillers.add(new ChillerStatus(s.id(), posture, s.actual(), 0.0, s.motorKw(), Reason.SHUTDOWN_POSTURE,
                    "plantd stopping", s.eligible(), s.ineligibleBecause(), s.stale(), s.engineStarts(),
                    s.engineRunSeconds(), s.learnedLeadTimeS(), s.overridden()));
        }
        Instant now = clock.instant();
        CycleReport report = new CycleReport(last.sequence() + 1, now, 0, last.overrunsTotal(), last.mode(),
                last.economicEnabled(), last.site(), last.grid(), chillers, changes, last.alarms(), last.headroom());
        for (PublishHub hub : publishers) {
            hub.onCycle(report);
        }
    }

    private static void awaitAll(List<Actuator.PostureWrite> writes, Duration timeout) {
        CompletableFuture<?>[] all = writes.stream().map(Actuator.PostureWrite::result).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Individual results are classified by the caller.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static WriteResult resultOf(Actuator.PostureWrite w) {
        try {
            WriteResult r = w.result().join();
            return r != null ? r : WriteResult.failed(null, w.to().code(), "no write result");
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new WriteResult(null, w.to().code(), Double.NaN, false, cause.toString());
        }
    }

    private Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - ticker.nanos()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
