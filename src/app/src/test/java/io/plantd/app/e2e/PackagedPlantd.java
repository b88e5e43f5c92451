package io.plantd.app.e2e;

import io.plantd.app.soak.wire.DaemonProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged plantd ({@code src/app/target/plantd.jar}, built by {@code package} before
 * failsafe runs) started as a {@link DaemonProcess}, its stdout and stderr captured to files in
 * the run folder.
 */
final class PackagedPlantd {
    private PackagedPlantd() {
    }

    static Path jar() {
        Path jar = E2eSite.repoRoot().resolve("src/app/target/plantd.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the integration tests with './mvnw verify'");
        }
        return jar;
    }

    /** {@code java -jar plantd.jar ARGS…}, output to {@code folder/NAME.out} and {@code NAME.err}. */
    static DaemonProcess launch(Path folder, String name, List<String> jvmArgs, List<String> args)
            throws IOException {
        List<String> java = new ArrayList<>();
        // two cores shared by two daemons, two simulators and the test JVM: fewer GC threads
        java.add("-XX:+UseSerialGC");
        java.addAll(jvmArgs);
        java.add("-jar");
        java.add(jar().toString());
        java.addAll(args);
        return DaemonProcess.start(folder, java, folder.resolve(name + ".out"), folder.resolve(name + ".err"));
    }

    /** {@code plantd run} in accelerated time on the simulator's time base. */
    static DaemonProcess run(Path folder, Path site, double timeScale, Instant clockStart, Instant anchor)
            throws IOException {
        return launch(folder, "daemon", List.of(), DaemonProcess.runArgs(site, timeScale, clockStart, anchor));
    }

    /** SIGTERM (what systemd sends), then the exit code; an assertion error if it does not stop in time. */
    static int terminate(DaemonProcess daemon, Duration timeout) throws InterruptedException {
        return daemon.terminate(timeout).orElseThrow(() -> new AssertionError(
                "plantd did not stop within " + timeout + " of SIGTERM\n" + daemon.describe()));
    }
}
