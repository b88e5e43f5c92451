package io.plantd.app.systemd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd about the service state ({@code sd_notify}: READY=1, WATCHDOG=1, STOPPING=1, STATUS=).
 *
 * <p>The protocol is one datagram on the AF_UNIX socket named by {@code $NOTIFY_SOCKET}. Java 17
 * has Unix-domain support only for stream channels ({@code DatagramChannel.open(StandardProtocolFamily.UNIX)}
 * throws UnsupportedOperationException), and plantd carries no JNI. So each notification runs
 * {@code systemd-notify ASSIGNMENT...}; the unit sets {@code NotifyAccess=all} because the sender is
 * a child process, not the main PID. systemd-notify 246+ waits until systemd has processed the
 * message, so the child exiting early cannot make systemd drop it.
 *
 * <p>Every call returns at once: the process runs on this notifier's own thread, with a small
 * bounded queue (a notification that does not fit is dropped and reported as not sent).
 */
public final class SystemdNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<String> socket;
    private final List<String> command;
    private final Optional<Duration> watchdogTimeout;
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    SystemdNotifier(Map<String, String> env, List<String> command, long ownPid) {
        this.socket = Optional.ofNullable(env.get("NOTIFY_SOCKET")).filter(s -> !s.isBlank());
        this.command = List.copyOf(command);
        this.watchdogTimeout = watchdogTimeout(env, ownPid);
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(8), r -> {
            Thread t = new Thread(r, "systemd-notify");
            t.setDaemon(true);
            return t;
        });
    }

    /** From this process's environment, using {@code systemd-notify} from the PATH. */
    public static SystemdNotifier fromEnvironment() {
        return new SystemdNotifier(System.getenv(), List.of("systemd-notify"), ProcessHandle.current().pid());
    }

    /** False when not started by systemd with a notify socket: then every call is a no-op. */
    public boolean enabled() {
        return socket.isPresent();
    }

    /**
     * The watchdog timeout systemd enforces ({@code WatchdogSec=}), when it applies to this process
     * ({@code $WATCHDOG_PID} absent or ours). Ping at least every third of it.
     */
    public Optional<Duration> watchdogTimeout() {
        return watchdogTimeout;
    }

    /** The service finished starting: systemd moves it from "activating" to "active". */
    public CompletableFuture<Boolean> ready(String status) {
        return send(List.of("READY=1", "STATUS=" + oneLine(status)));
    }

    /** Keep-alive for {@code WatchdogSec=}: send only while the control loop works. */
    public CompletableFuture<Boolean> watchdog() {
        return send(List.of("WATCHDOG=1"));
    }

    /** Shutdown started: systemd stops waiting for READY and starts the stop timeout. */
    public CompletableFuture<Boolean> stopping(String status) {
        return send(List.of("STOPPING=1", "STATUS=" + oneLine(status)));
    }

    public CompletableFuture<Boolean> status(String status) {
        return send(List.of("STATUS=" + oneLine(status)));
    }

    /** The command line for these assignments (argument vector, no shell). */
    List<String> commandLine(List<String> assignments) {
        List<String> line = new ArrayList<>(command);
        line.addAll(assignments);
        return line;
    }

    private CompletableFuture<Boolean> send(List<String> assignments) {
        if (socket.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            executor.execute(() -> done.complete(run(commandLine(assignments))));
        } catch (RejectedExecutionException e) {
            done.complete(false); // queue full or closed: a later notification supersedes this one
        }
        return done;
    }

    private boolean run(List<String> line) {
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("NOTIFY_SOCKET", socket.orElseThrow());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(PROCESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return failed(line, "no exit within " + PROCESS_TIMEOUT.toSeconds() + " s");
            }
            String output = readAll(process.getInputStream());
            if (process.exitValue() != 0) {
                return failed(line, "exit code " + process.exitValue() + (output.isBlank() ? "" : ": " + output.strip()));
            }
            failureLogged.set(false);
            return true;
        } catch (IOException e) {
            return failed(line, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Logged once until a notification succeeds again, so a missing binary does not flood the journal. */
    private boolean failed(List<String> line, String why) {
        if (failureLogged.compareAndSet(false, true)) {
            LOG.warn("systemd notification failed ({}): {}", String.join(" ", line), why);
        }
        return false;
    }

    private static String readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(4096);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String oneLine(String status) {
        return status.replace('\n', ' ').replace('\r', ' ');
    }

    private static Optional<Duration> watchdogTimeout(Map<String, String> env, long ownPid) {
        String usec = env.get("WATCHDOG_USEC");
        String pid = env.get("WATCHDOG_PID");
        if (usec == null) {
            return Optional.empty();
        }
        try {
            if (pid != null && Long.parseLong(pid.trim()) != ownPid) {
                return Optional.empty(); // the watchdog is meant for another process
            }
            long micros = Long.parseLong(usec.trim());
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
        } catch (NumberFormatException e) {
            LOG.warn("ignoring malformed WATCHDOG_USEC={} / WATCHDOG_PID={}", usec, pid);
            return Optional.empty();
        }
    }

    /** Waits for queued notifications (STOPPING=1 in particular) to go out, then stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(PROCESS_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
