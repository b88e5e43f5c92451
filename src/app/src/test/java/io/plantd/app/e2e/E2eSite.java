package io.plantd.app.e2e;

import io.plantd.sim.modbus.DeviceEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A copy of a shipped simulator site config ({@code config/sites/sim-NAME.yaml}) for one test
 * run: every device pointed at the port the simulator actually bound, profiles from the
 * checkout, state and decision log in the run's own folder, and the metrics endpoint on a given
 * port when asked. Everything else (margins, engine limits, lead times) is the shipped file.
 */
final class E2eSite {
    private static final Pattern DEVICE_LINE = Pattern.compile("^(\\s*- \\{ id: )([A-Za-z0-9_.-]+)(,.*\\bport: )(\\d+)(.*)$");

    private E2eSite() {
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("config/scenarios"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no config/scenarios above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path scenario(String name) {
        return repoRoot().resolve("config/scenarios/" + name + ".yaml");
    }

    static Path shippedSite(String name) {
        return repoRoot().resolve("config/sites/sim-" + name + ".yaml");
    }

    /** Writes {@code folder/site.yaml}; returns its path. */
    static Path write(String scenario, List<DeviceEndpoint> endpoints, Path folder, OptionalInt metricsPort)
            throws IOException {
        List<String> lines = Files.readAllLines(shippedSite(scenario));
        StringBuilder out = new StringBuilder();
        out.append("profilesDir: ").append(repoRoot().resolve("config/profiles")).append('\n');
        out.append("stateDir: ").append(folder.resolve("state")).append('\n');
        int bound = 0;
        for (String line : lines) {
            Matcher m = DEVICE_LINE.matcher(line);
            if (m.matches()) {
                String id = m.group(2);
                DeviceEndpoint e = endpoints.stream().filter(p -> p.deviceId().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the simulator serves no device " + id));
                line = m.group(1) + id + m.group(3) + e.port() + m.group(5);
                bound++;
            } else if (line.startsWith("metrics:") || line.startsWith("logging:")) {
                continue;
            }
            out.append(line).append('\n');
        }
        if (bound != endpoints.size()) {
            throw new IllegalStateException(scenario + ": bound " + bound + " device lines, simulator serves "
                    + endpoints.size());
        }
        if (metricsPort.isPresent()) {
            out.append("metrics: { enabled: true, bind: 127.0.0.1, port: ").append(metricsPort.getAsInt()).append(" }\n");
        } else {
            out.append("metrics: { enabled: false }\n");
        }
        out.append("logging: { decisionLog: ").append(folder.resolve("decisions.jsonl")).append(" }\n");
        Path site = folder.resolve("site.yaml");
        Files.writeString(site, out);
        return site;
    }
}
