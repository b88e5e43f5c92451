package io.plantd.app.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged plantd ({@code src/app/target/plantd.jar}, built by {@code package} before
 * failsafe runs) as a child process, its stdout and stderr captured to files in the run folder.
 */
final class PackagedDaemon implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private PackagedDaemon(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static Path jar() {
        Path jar = E2eSite.repoRoot().resolve("src/app/target/plantd.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the integration tests with './mvnw verify'");
        }
        return jar;
    }

    /** {@code java -jar plantd.jar ARGS…}, output to {@code folder/NAME.out} and {@code NAME.err}. */
    static PackagedDaemon launch(Path folder, String name, List<String> jvmArgs, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // two cores shared by two daemons, two simulators and the test JVM: fewer GC threads
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        Path out = folder.resolve(name + ".out");
        Path err = folder.resolve(name + ".err");
        Process p = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new PackagedDaemon(p, out, err);
    }

    /** {@code plantd run} in accelerated time on the simulator's time base. */
    static PackagedDaemon run(Path folder, Path site, double timeScale, Instant clockStart, Instant anchor)
            throws IOException {
        return launch(folder, "daemon", List.of(), List.of("run", "--config", site.toString(),
                "--time-scale", Double.toString(timeScale),
                "--clock-start", clockStart.toString(), "--clock-anchor", anchor.toString()));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (what systemd sends), then waits for the exit; returns the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("plantd did not stop within " + timeout + " of SIGTERM\n" + describe());
        }
        return process.exitValue();
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("plantd did not exit within " + timeout + "\n" + describe());
        }
        return process.exitValue();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** The tail of both streams, for assertion messages. */
    String describe() {
        return "--- stdout (tail) ---\n" + tail(stdout()) + "\n--- stderr (tail) ---\n" + tail(stderr());
    }

    private static String tail(String s) {
        return s.length() <= 6000 ? s : "…" + s.substring(s.length() - 6000);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
