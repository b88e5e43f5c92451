package io.plantd.drivers.bacnet.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Installs (with {@code npm ci}, from the committed package-lock) and runs the independent
 * @bacnet-js/client device script under {@code target/bacnet-peer}. When node or npm is
 * missing, or the install fails, {@link #unavailableReason()} says why; the test then fails in
 * CI and is reported as skipped (with that reason) elsewhere.
 */
final class BacnetJsPeer implements AutoCloseable {
    static final int DEVICE_INSTANCE = 4711;
    private static final Path SOURCE = Path.of("src", "test", "bacnet-peer");
    private static final Path SCRIPT = Path.of("src", "test", "resources", "bacnet-peer", "device.js");
    private static final Path WORK = Path.of("target", "bacnet-peer");
    private static final String PINNED_VERSION = "\"version\": \"3.3.2\"";
    /** Overridable to point at a specific install (or, to check the not-run path, at nothing). */
    private static final String NODE = System.getProperty("plantd.bacnet.node", "node");
    private static final String NPM = System.getProperty("plantd.bacnet.npm", "npm");

    private Process process;
    private InetSocketAddress address;

    /** Null when the peer can run, else why it cannot. */
    static String unavailableReason() {
        for (List<String> probe : List.of(List.of(NODE, "--version"), List.of(NPM, "--version"))) {
            String problem = run(probe, Path.of("."), 30);
            if (problem != null) {
                return probe.get(0) + " is not usable (" + problem + ")";
            }
        }
        try {
            Files.createDirectories(WORK);
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(SCRIPT, WORK.resolve("device.js"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return "cannot prepare " + WORK + ": " + e;
        }
        Path installed = WORK.resolve("node_modules/@bacnet-js/client/package.json");
        if (!isPinnedVersionInstalled(installed)) {
            String problem = run(List.of(NPM, "ci", "--no-audit", "--no-fund", "--prefer-offline"), WORK, 240);
            if (problem != null) {
                return "npm ci of @bacnet-js/client 3.3.2 into " + WORK + " failed (" + problem + ")";
            }
            if (!isPinnedVersionInstalled(installed)) {
                return "npm ci did not install @bacnet-js/client 3.3.2";
            }
        }
        return null;
    }

    private static boolean isPinnedVersionInstalled(Path packageJson) {
        try {
            return Files.isRegularFile(packageJson) && Files.readString(packageJson).contains(PINNED_VERSION);
        } catch (IOException e) {
            return false;
        }
    }

    /** Null on exit code 0 within the time limit, else a short description. */
    private static String run(List<String> command, Path dir, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "no result within " + timeoutSeconds + " s";
            }
            if (p.exitValue() != 0) {
                String out = output.getNow("");
                return "exit " + p.exitValue() + ": " + out.substring(Math.max(0, out.length() - 400)).strip();
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Starts the device on a free loopback UDP port and waits for it to listen. */
    void start() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        process = new ProcessBuilder(NODE, "device.js", Integer.toString(port), Integer.toString(DEVICE_INSTANCE))
                .directory(WORK.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY")) {
                        return line;
                    }
                    System.out.println("[bacnet-js peer] " + line);
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line = ready.get(20, TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("bacnet-js peer exited before listening (exit "
                    + (process.isAlive() ? "?" : process.exitValue()) + ")");
        }
        // Keep draining its output so it never blocks on a full pipe.
        CompletableFuture.runAsync(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null) {
                    System.out.println("[bacnet-js peer] " + l);
                }
            } catch (IOException ignored) {
                // the peer was stopped
            }
        });
        address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.getOutputStream().close(); // the script exits when stdin closes
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
