package io.plantd.app.soak.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code plantd run} as a child process on the simulator's time base, from this JVM's own class
 * path, with the JVM options the {@code plantd} launcher gives the daemon. It can be killed the
 * way a crash or the OOM killer does it (SIGKILL: no shutdown hook, no last write) and scraped
 * over its real metrics endpoint.
 */
final class DaemonProcess implements AutoCloseable {
    /** The launcher's daemon defaults (see the {@code plantd} script). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int metricsPort;
    private final Path output;

    private DaemonProcess(Process process, int metricsPort, Path output) {
        this.process = process;
        this.metricsPort = metricsPort;
        this.output = output;
    }

    /** Output goes to {@code folder/daemon-N.log} (stdout and stderr). */
    static DaemonProcess launch(Path folder, int incarnation, Path site, int metricsPort, double timeScale,
                                Instant clockStart, Instant clockAnchor) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        Optional.ofNullable(System.getProperty("plantd.root")).ifPresent(r -> command.add("-Dplantd.root=" + r));
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add("io.plantd.app.PlantdMain");
        command.addAll(List.of("run", "--config", site.toString(), "--time-scale", Double.toString(timeScale),
                "--clock-start", clockStart.toString(), "--clock-anchor", clockAnchor.toString()));
        Path out = folder.resolve("daemon-" + incarnation + ".log");
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        return new DaemonProcess(p, metricsPort, out);
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

    /** A port free on loopback right now (the daemon binds it a moment later). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** True once {@code /healthz} answers 200: the cycle runs. */
    boolean healthy() {
        return get("/healthz").map(r -> r.statusCode() == 200).orElse(false);
    }

    /** The Prometheus exposition, if the endpoint answers. */
    Optional<PrometheusText> scrape() {
        return get("/metrics").filter(r -> r.statusCode() == 200).map(r -> PrometheusText.parse(r.body()));
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

    /** SIGTERM (what systemd sends); the exit code, or empty if it did not stop in time. */
    Optional<Integer> terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.of(process.exitValue());
        }
        process.destroyForcibly();
        return Optional.empty();
    }

    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private Optional<HttpResponse<String>> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
