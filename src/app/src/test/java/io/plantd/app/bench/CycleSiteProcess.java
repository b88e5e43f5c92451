package io.plantd.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cycle benchmark's plant in a child JVM (same classpath), so the daemon's JVM holds only the
 * daemon: its heap, GC pauses and safepoints are its own, as under the launcher. The slaves still
 * share the machine's cores, as any field devices simulated on the same host would.
 *
 * <p>Line protocol on the child's stdin/stdout: it prints {@code site <path>} when its slaves
 * listen; {@code measure} starts the measured phase; {@code stop} is answered with
 * {@code drive-writes <n>}; end of input closes the plant and ends the child.
 */
final class CycleSiteProcess implements CycleSite {
    /** The child is a test fixture, not the daemon: a small serial heap keeps it light on the cores. */
    private static final List<String> CHILD_JVM_FLAGS = List.of("-Xmx128m", "-XX:+UseSerialGC");

    private final Process child;
    private final BufferedReader out;
    private final PrintWriter in;
    private final Path siteFile;

    CycleSiteProcess(int devices, int chillers) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_JVM_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CycleSiteProcess.class.getName());
        command.add(Integer.toString(devices));
        command.add(Integer.toString(chillers));
        child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
        siteFile = Path.of(expect("site "));
    }

    private String expect(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IOException("the plant process ended before saying '" + prefix.strip() + "'");
    }

    @Override
    public Path siteFile() {
        return siteFile;
    }

    @Override
    public void measure() {
        in.println("measure");
    }

    @Override
    public long stop() throws IOException {
        in.println("stop");
        return Long.parseLong(expect("drive-writes "));
    }

    @Override
    public void close() {
        in.close();
        try {
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
    }

    /** The child: args devices chillers. */
    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(args[0]);
        int chillers = Integer.parseInt(args[1]);
        // stdout is the protocol channel; anything logged goes to stderr (inherited by the parent)
        PrintWriter reply = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try (CycleSiteInJvm site = new CycleSiteInJvm(devices, chillers)) {
            reply.println("site " + site.siteFile());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                switch (line.strip()) {
                    case "measure" -> site.measure();
                    case "stop" -> reply.println("drive-writes " + site.stop());
                    default -> System.err.println("plant process: unknown command " + line);
                }
            }
        }
        System.exit(0);
    }
}
