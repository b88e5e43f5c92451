package io.plantd.app.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.Headroom;
import io.plantd.controller.cycle.SiteStatus;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.drivers.point.Quality;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdNotifierTest {
    @TempDir
    Path dir;

    /**
     * End to end on a real AF_UNIX datagram socket: Java 17 cannot bind one, so a python3 receiver
     * plays systemd's notify socket and the real systemd-notify sends to it. Runs where both exist.
     */
    @Test
    void realSystemdNotifyReachesAnAfUnixDatagramSocket() throws Exception {
        assumeTrue(onPath("systemd-notify") && onPath("python3"), "needs systemd-notify and python3");
        Path socket = dir.resolve("notify.sock");
        Path receiver = dir.resolve("receiver.py");
        Files.writeString(receiver, String.join("\n",
                "import socket, sys",
                "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
                "s.bind(sys.argv[1])",
                "print('bound', flush=True)",
                "s.settimeout(10)",
                "stopping = False",
                "while True:",
                "    try:",
                "        data = s.recv(4096)",  // fds sent with BARRIER=1 are dropped, releasing the sender
                "    except socket.timeout:",
                "        break",
                "    lines = data.decode().split('\\n')",
                "    for line in lines:",
                "        print(line, flush=True)",
                "    stopping = stopping or 'STOPPING=1' in lines",
                "    if stopping and lines == ['BARRIER=1']:",  // the sender's barrier after STOPPING: done
                "        sys.exit(0)",
                ""));
        Process python = new ProcessBuilder("python3", receiver.toString(), socket.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("bound");
            SystemdNotifier notifier = new SystemdNotifier(Map.of("NOTIFY_SOCKET", socket.toString()),
                    List.of("systemd-notify"), 1);
            assertThat(notifier.ready("first cycle done").get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(notifier.watchdog().get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(notifier.stopping("shutting down").get(10, TimeUnit.SECONDS)).isTrue();
            notifier.close();

            List<String> received = new ArrayList<>();
            for (String line; (line = out.readLine()) != null; ) {
                received.add(line);
            }
            assertThat(received).containsSubsequence("READY=1", "STATUS=first cycle done", "WATCHDOG=1",
                    "STOPPING=1", "STATUS=shutting down");
        } finally {
            python.destroy();
            python.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsTheCommandWithTheAssignmentsAndTheSocketInItsEnvironment() throws Exception {
        Path record = dir.resolve("record.txt");
        SystemdNotifier notifier = new SystemdNotifier(Map.of("NOTIFY_SOCKET", "@/org/test/notify"),
                recorder(record, 0), 1);
        assertThat(notifier.enabled()).isTrue();
        assertThat(notifier.commandLine(List.of("READY=1", "STATUS=a b"))).endsWith("READY=1", "STATUS=a b");
        assertThat(notifier.ready("line one\nline two").get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(notifier.watchdog().get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(notifier.stopping("bye").get(10, TimeUnit.SECONDS)).isTrue();
        notifier.close();
        assertThat(Files.readAllLines(record)).containsExactly(
                "@/org/test/notify|READY=1|STATUS=line one line two",
                "@/org/test/notify|WATCHDOG=1",
                "@/org/test/notify|STOPPING=1|STATUS=bye");
    }

    @Test
    void reportsFailureWithoutThrowingWhenTheCommandFailsOrIsMissing() throws Exception {
        SystemdNotifier failing = new SystemdNotifier(Map.of("NOTIFY_SOCKET", "/run/none"),
                recorder(dir.resolve("r.txt"), 3), 1);
        assertThat(failing.watchdog().get(10, TimeUnit.SECONDS)).isFalse();
        failing.close();
        SystemdNotifier missing = new SystemdNotifier(Map.of("NOTIFY_SOCKET", "/run/none"),
                List.of(dir.resolve("no-such-binary").toString()), 1);
        assertThat(missing.watchdog().get(10, TimeUnit.SECONDS)).isFalse();
        missing.close();
    }

    @Test
    void withoutNotifySocketNothingRuns() throws Exception {
        Path record = dir.resolve("record.txt");
        SystemdNotifier notifier = new SystemdNotifier(Map.of(), recorder(record, 0), 1);
        assertThat(notifier.enabled()).isFalse();
        assertThat(notifier.ready("x").get(1, TimeUnit.SECONDS)).isFalse();
        notifier.close();
        assertThat(record).doesNotExist();
    }

    @Test
    void watchdogTimeoutAppliesOnlyToTheNamedProcess() {
        assertThat(new SystemdNotifier(Map.of("WATCHDOG_USEC", "30000000"), List.of("x"), 42).watchdogTimeout())
                .hasValue(Duration.ofSeconds(30));
        assertThat(new SystemdNotifier(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), List.of("x"), 42)
                .watchdogTimeout()).hasValue(Duration.ofSeconds(30));
        assertThat(new SystemdNotifier(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7"), List.of("x"), 42)
                .watchdogTimeout()).isEmpty();
        assertThat(new SystemdNotifier(Map.of("WATCHDOG_USEC", "soon"), List.of("x"), 42).watchdogTimeout()).isEmpty();
        assertThat(new SystemdNotifier(Map.of(), List.of("x"), 42).watchdogTimeout()).isEmpty();
    }

    @Test
    void cycleListenerSendsReadyOnceAndFeedsTheWatchdogOnlyFromCycles() throws Exception {
        Path record = dir.resolve("record.txt");
        SystemdNotifier notifier = new SystemdNotifier(
                Map.of("NOTIFY_SOCKET", "/run/test.sock", "WATCHDOG_USEC", "30000000"), recorder(record, 0), 1);
        AtomicLong nanos = new AtomicLong();
        SystemdCycleListener listener = new SystemdCycleListener(notifier, nanos::get);
        // 25 one-second cycles: READY once, WATCHDOG at 0 s, 10 s and 20 s (a third of 30 s).
        for (int s = 0; s < 25; s++) {
            nanos.set(TimeUnit.SECONDS.toNanos(s));
            listener.onCycle(report());
        }
        // The loop stalls: time passes without cycles, so no more pings go out.
        nanos.set(TimeUnit.SECONDS.toNanos(60));
        listener.onShutdown();
        notifier.close();
        assertThat(Files.readAllLines(record)).containsExactly(
                "/run/test.sock|READY=1|STATUS=controlling: first cycle done",
                "/run/test.sock|WATCHDOG=1",
                "/run/test.sock|WATCHDOG=1",
                "/run/test.sock|WATCHDOG=1",
                "/run/test.sock|STATUS=stopped: shutdown posture written");
    }

    /** A stand-in for systemd-notify that appends "$NOTIFY_SOCKET|arg|arg..." to a file. */
    private List<String> recorder(Path record, int exitCode) throws IOException {
        Path script = dir.resolve("fake-notify-" + exitCode + ".sh");
        Files.writeString(script, "#!/bin/sh\nline=\"$NOTIFY_SOCKET\"\nfor a in \"$@\"; do line=\"$line|$a\"; done\n"
                + "printf '%s\\n' \"$line\" >> '" + record + "'\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return List.of(script.toString());
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(":")) {
            if (Files.isExecutable(Path.of(d, binary))) {
                return true;
            }
        }
        return false;
    }

    private static CycleReport report() {
        SiteStatus site = new SiteStatus(100, Quality.GOOD, 60, 30, 10, 100, 200, 190, 100, 0);
        GridStatus grid = new GridStatus(0, Optional.empty(), 0.1, 1, Optional.empty(), Optional.empty(),
                Optional.empty(), false, true);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new CycleReport(1, now, 1_000_000, 0, OperatingMode.AUTO, false, site, grid, List.of(), List.of(),
                List.of(), new Headroom(90, 600, now));
    }
}
