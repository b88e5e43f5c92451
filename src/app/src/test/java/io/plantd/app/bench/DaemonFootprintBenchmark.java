package io.plantd.app.bench;

import io.plantd.app.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: runs the packaged daemon ({@code java OPTS -jar src/app/target/plantd.jar run}) as
 * its own process against {@code plantd simulate} of a shipped scenario (also the packaged jar, a
 * second process) and an MQTT broker embedded in this harness process, then reports start → first
 * decision, heap used after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}) and resident set
 * size (VmRSS, VmHWM from /proc). Only the daemon process is measured.
 *
 * <p>Args: seconds scenario [JVM options...] (defaults 120, demo, and the launcher's options
 * {@code -Xmx64m -XX:+UseSerialGC}). Run from the repository root after {@code ./mvnw package}.
 */
public final class DaemonFootprintBenchmark {
    private static final List<String> LAUNCHER_OPTS = List.of("-Xmx64m", "-XX:+UseSerialGC");
    private static final int SIM_BASE = 15020;
    private static final Pattern SIM_PORT = Pattern.compile("port: (150\\d\\d)");
    private static final Pattern USED_K = Pattern.compile("used (\\d+)K");

    public static void main(String[] args) throws Exception {
        int seconds = (int) BenchArgs.number(args, 0, 120);
        String scenario = args.length > 1 ? args[1] : "demo";
        List<String> jvmOpts = args.length > 2 ? List.of(args).subList(2, args.length) : LAUNCHER_OPTS;
        Path root = BenchArgs.repoProfiles().getParent().getParent();
        Path jar = root.resolve("src/app/target/plantd.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: ./mvnw -q -B -DskipTests package");
        }
        Path work = Files.createTempDirectory("plantd-footprint-");
        int base = freeBlock(6);
        String java = ProcessHandle.current().info().command().orElse("java");

        Process sim = null;
        Process daemon = null;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            sim = new ProcessBuilder(java, "-Xmx128m", "-jar", jar.toString(), "simulate", "--scenario",
                    root.resolve("config/scenarios/" + scenario + ".yaml").toString(), "--base-port",
                    Integer.toString(base), "--log-every", "0")
                    .redirectErrorStream(true).redirectOutput(work.resolve("simulate.log").toFile()).start();
            awaitListening(base + 5, 60);

            Path site = work.resolve("site.yaml");
            Files.writeString(site, boundSite(root, scenario, base, broker.url(), work));
            Path decisions = work.resolve("state/decisions.jsonl");
            Path log = work.resolve("daemon.log");
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOpts);
            command.addAll(List.of("-jar", jar.toString(), "run", "--config", site.toString()));

            Instant processStart = Instant.now();
            long launched = System.nanoTime();
            daemon = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long firstCycle = -1;
            while (firstCycle < 0 && System.nanoTime() - launched < 30_000_000_000L) {
                if (Files.exists(log) && Files.readString(log).contains(" drive ")) {
                    firstCycle = System.nanoTime() - launched;
                }
                if (!daemon.isAlive()) {
                    throw new IllegalStateException("the daemon exited: " + Files.readString(log));
                }
                Thread.sleep(5);
            }
            long pid = daemon.pid();
            long firstDecision = -1;
            long maxRssK = 0;
            long end = launched + seconds * 1_000_000_000L;
            while (System.nanoTime() < end && daemon.isAlive()) {
                maxRssK = Math.max(maxRssK, procStatus(pid, "VmRSS"));
                if (firstDecision < 0 && Files.exists(decisions) && Files.size(decisions) > 0) {
                    firstDecision = System.nanoTime() - launched;
                }
                Thread.sleep(1000);
            }
            long rssBeforeGcK = procStatus(pid, "VmRSS");
            jcmd(pid, "GC.run");
            String heapInfo = jcmd(pid, "GC.heap_info");
            long rssK = procStatus(pid, "VmRSS");
            long hwmK = procStatus(pid, "VmHWM");
            long heapUsedK = heapUsed(heapInfo);
            stop(daemon);
            List<String> lines = Files.readAllLines(log);
            long driveLines = lines.stream().filter(l -> l.contains(" drive ")).count();
            String phases = phases(processStart, lines);

            System.out.printf("%nDaemon footprint: plantd.jar run, scenario %s (plantd simulate in its own process),"
                    + " MQTT connected to a broker in the harness, metrics on; %d s run%n", scenario, seconds);
            System.out.println("JVM options: " + String.join(" ", jvmOpts));
            System.out.println(BenchArgs.machine());
            System.out.printf("%-40s %12s%n", "metric", "value");
            System.out.printf("%-40s %12s%n", "start -> first cycle's drive line (ms)", msOrNever(firstCycle));
            System.out.printf("%-40s %12s%n", "start -> first decision-log line (ms)*", msOrNever(firstDecision));
            System.out.printf("%-40s %12.1f%n", "heap used after full GC (MiB)", heapUsedK / 1024.0);
            System.out.printf("%-40s %12.1f%n", "RSS before that GC (MiB)", rssBeforeGcK / 1024.0);
            System.out.printf("%-40s %12.1f%n", "RSS max, sampled each second (MiB)", maxRssK / 1024.0);
            System.out.printf("%-40s %12.1f%n", "RSS high-water mark VmHWM (MiB)", hwmK / 1024.0);
            System.out.printf("%-40s %12.1f%n", "RSS after GC (MiB)", rssK / 1024.0);
            System.out.printf("%-40s %12d%n", "drive log lines", driveLines);
            System.out.println("* the decision log records changed commands only: its first line comes when the"
                    + " scenario first needs an engine, not at start-up");
            System.out.println("start-up phases from the daemon's log timestamps: " + phases);
            System.out.println("GC.heap_info:");
            System.out.println(heapInfo.strip());
        } finally {
            stop(daemon);
            stop(sim);
        }
        System.exit(0);
    }

    /** The scenario's shipped site config, pointed at this run's simulator, broker, ports and folders. */
    private static String boundSite(Path root, String scenario, int base, String brokerUrl, Path work)
            throws IOException {
        String text = Files.readString(root.resolve("config/sites/sim-" + scenario + ".yaml"));
        Matcher m = SIM_PORT.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, "port: " + (base + Integer.parseInt(m.group(1)) - SIM_BASE));
        }
        m.appendTail(b);
        String bound = b.toString()
                .replace("tcp://127.0.0.1:1883", brokerUrl)
                .replace("port: 9464", "port: " + BenchSlave.freePort());
        return "profilesDir: " + root.resolve("config/profiles") + "\nstateDir: " + work.resolve("state") + "\n" + bound;
    }

    /** Launch → first log line (JVM, CLI, config, metrics server) → "running site" (wired) → first drive line. */
    private static String phases(Instant processStart, List<String> lines) {
        Instant first = null;
        Instant running = null;
        Instant drive = null;
        for (String line : lines) {
            Instant at;
            try {
                at = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
            } catch (RuntimeException e) {
                continue;
            }
            first = first == null ? at : first;
            running = running == null && line.contains(" running site ") ? at : running;
            drive = drive == null && line.contains(" drive ") ? at : drive;
        }
        if (processStart == null || first == null || running == null || drive == null) {
            return "not available";
        }
        return String.format("launch to first log line (JVM, CLI, config, metrics server) %d ms, rest of the"
                        + " wiring to 'running' %d ms, first cycle's drive line %d ms later",
                Duration.between(processStart, first).toMillis(),
                Duration.between(first, running).toMillis(),
                Duration.between(running, drive).toMillis());
    }

    private static long heapUsed(String heapInfo) {
        // the first two "used" figures are the young and old generations (Serial, Parallel); G1 has one
        Matcher m = USED_K.matcher(heapInfo);
        long sum = 0;
        int found = 0;
        String[] lines = heapInfo.split("\n");
        for (String line : lines) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher lm = USED_K.matcher(line);
            if (lm.find() && (line.contains("generation") || line.contains("garbage-first heap")
                    || line.contains("PSYoungGen") || line.contains("ParOldGen"))) {
                sum += Long.parseLong(lm.group(1));
                found++;
            }
        }
        return found == 0 && m.find() ? Long.parseLong(m.group(1)) : sum;
    }

    private static String jcmd(long pid, String what) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), what).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static long procStatus(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String msOrNever(long nanos) {
        return nanos < 0 ? "not seen" : String.format("%.0f", nanos / 1e6);
    }

    private static int freeBlock(int size) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 30_000 + ThreadLocalRandom.current().nextInt(20_000);
            boolean free = true;
            for (int p = base; p < base + size && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    free = true;
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of " + size + " loopback ports");
    }

    private static void awaitListening(int port, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the simulator did not open port " + port + " within " + seconds + " s");
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
