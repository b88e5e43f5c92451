package io.plantd.app.soak.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * plantd as a child process: {@code plantd run} on the simulator's time base from this JVM's own
 * class path (the network soak), or any command line (the end-to-end tests run the packaged jar).
 * It can be killed the way a crash or the OOM killer does it (SIGKILL: no shutdown hook, no last
 * write) or stopped the way systemd does it (SIGTERM).
 */
public final class DaemonProcess implements AutoCloseable {
    /** The launcher's daemon defaults (see the {@code plantd} script). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private DaemonProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * {@code java JAVA_ARGS…} with this JVM's java, working in {@code folder}; stdout and stderr go to
     * the given files (the same file: both streams merged into it).
     */
    public static DaemonProcess start(Path folder, List<String> javaArgs, Path stdout, Path stderr)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(stdout.toFile());
        if (stderr.equals(stdout)) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(stderr.toFile());
        }
        return new DaemonProcess(builder.start(), stdout, stderr);
    }

    /**
     * {@code plantd run} from this JVM's class path, with the JVM options the {@code plantd} launcher
     * gives the daemon. Output goes to {@code folder/daemon-N.log} (stdout and stderr).
     */
    static DaemonProcess launch(Path folder, int incarnation, Path site, double timeScale, Instant clockStart,
                                Instant clockAnchor) throws IOException {
        List<String> java = new ArrayList<>(JVM_OPTIONS);
        Optional.ofNullable(System.getProperty("plantd.root")).ifPresent(r -> java.add("-Dplantd.root=" + r));
        java.add("-cp");
        java.add(absoluteClassPath());
        java.add("io.plantd.app.PlantdMain");
        java.addAll(runArgs(site, timeScale, clockStart, clockAnchor));
        Path log = folder.resolve("daemon-" + incarnation + ".log");
        return start(folder, java, log, log);
    }

    /** The arguments of {@code plantd run} in accelerated time on the simulator's time base. */
    public static List<String> runArgs(Path site, double timeScale, Instant clockStart, Instant clockAnchor) {
        return List.of("run", "--config", site.toString(), "--time-scale", Double.toString(timeScale),
                "--clock-start", clockStart.toString(), "--clock-anchor", clockAnchor.toString());
    }

    /** The child runs in the soak folder: relative class-path entries (java -jar src/...) must not move with it. */
    private static String absoluteClassPath() {
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(entry).toAbsolutePath());
            }
        }
        return cp.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size from /proc (Linux); empty elsewhere. */
    Optional<Long> rssBytes() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM (what systemd sends); the exit code, or empty if it did not stop in time (then it is
     * killed).
     */
    public Optional<Integer> terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.of(process.exitValue());
        }
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return Optional.empty();
    }

    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** All it wrote so far: stdout then stderr, or the one file both go to. */
    public String output() {
        return stderr.equals(stdout) ? stdout() : stdout() + stderr();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** The tail of its output, for messages. */
    public String describe() {
        if (stderr.equals(stdout)) {
            return "--- output (tail) ---\n" + tail(stdout());
        }
        return "--- stdout (tail) ---\n" + tail(stdout()) + "\n--- stderr (tail) ---\n" + tail(stderr());
    }

    private static String tail(String s) {
        return s.length() <= 6000 ? s : "…" + s.substring(s.length() - 6000);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
