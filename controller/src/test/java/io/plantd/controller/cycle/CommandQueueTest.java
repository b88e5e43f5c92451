package io.plantd.controller.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.policy.OperatingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandQueueTest {
    static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");
    final CommandValidator validator = new CommandValidator(Set.of("ch1", "ch2"), 10_000, Duration.ofHours(1),
            Duration.ofHours(24));

    CommandResult result(CompletableFuture<CommandResult> f) throws Exception {
        return f.get(2, TimeUnit.SECONDS);
    }

    @Test
    void aFullQueueRefusesAtOnceAndKeepsWhatItHas() throws Exception {
        CommandQueue q = new CommandQueue(2, validator);
        q.submit(new Command.Rebirth("a"));
        q.submit(new Command.Rebirth("b"));
        CommandResult third = result(q.submit(new Command.Rebirth("c")));
        assertThat(third.ok()).isFalse();
        assertThat(third.reason()).contains("command queue full");
        assertThat(q.refusedBecauseFull()).isEqualTo(1);
        assertThat(q.drain(NOW).commands()).extracting(Command::principal).containsExactly("a", "b");
    }

    @Test
    void drainingValidatesAndOnlyAppliedCommandsAreAccepted() throws Exception {
        CommandQueue q = new CommandQueue(8, validator);
        CompletableFuture<CommandResult> noExpiry = q.submit(
                new Command.Override("bms", "ch2", Command.OverrideMode.MOTOR, null));
        CompletableFuture<CommandResult> tooLong = q.submit(
                new Command.Override("bms", "ch2", Command.OverrideMode.MOTOR, NOW.plus(Duration.ofHours(25))));
        CompletableFuture<CommandResult> capTooHigh = q.submit(new Command.TemporaryCap("bms", 10_000, null));
        CompletableFuture<CommandResult> emptyMode = q.submit(new Command.Mode("bms", Optional.empty(), Optional.empty()));
        CompletableFuture<CommandResult> mode = q.submit(
                new Command.Mode("bms", Optional.of(OperatingMode.MONITOR_ONLY), Optional.of(false)));
        CommandQueue.Batch batch = q.drain(NOW);

        assertThat(result(tooLong).reason()).contains("more than the maximum 86400 s");
        assertThat(result(capTooHigh).reason()).contains("lower than the service capacity");
        assertThat(result(emptyMode).reason()).contains("neither mode nor economicEnabled");
        // The default expiry is filled in before the policy sees the override.
        assertThat(batch.commands()).containsExactly(
                new Command.Override("bms", "ch2", Command.OverrideMode.MOTOR, NOW.plus(Duration.ofHours(1))),
                new Command.Mode("bms", Optional.of(OperatingMode.MONITOR_ONLY), Optional.of(false)));
        assertThat(noExpiry).isNotDone();
        batch.applied();
        assertThat(result(noExpiry).validUntil()).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(result(mode).applied()).isEqualTo("mode MONITOR_ONLY, economic disabled");
    }

    @Test
    void closingRefusesQueuedAndLaterCommands() throws Exception {
        CommandQueue q = new CommandQueue(8, validator);
        CompletableFuture<CommandResult> queued = q.submit(new Command.Rebirth("a"));
        q.close();
        CompletableFuture<CommandResult> late = q.submit(new Command.Rebirth("b"));
        assertThat(result(queued).reason()).isEqualTo("plantd is shutting down");
        assertThat(result(late).reason()).isEqualTo("plantd is shutting down");
    }

    @Test
    void repliesDoNotRunOnTheThreadThatCompletesThem() throws Exception {
        CommandQueue q = new CommandQueue(8, validator);
        CountDownLatch replied = new CountDownLatch(1);
        List<String> threads = new ArrayList<>();
        q.submit(new Command.Rebirth("a")).thenRun(() -> {
            threads.add(Thread.currentThread().getName());
            replied.countDown();
        });
        Thread control = new Thread(() -> q.drain(NOW).applied(), "fake-control");
        control.start();
        control.join();
        assertThat(replied.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).doesNotContain("fake-control");
    }
}
