package io.plantd.app.simsite;

import io.plantd.sim.modbus.DeviceEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A copy of a shipped simulator site config ({@code config/sites/sim-*.yaml}) for one run: every
 * device pointed at the port actually bound for it, profiles from the checkout, state and decision
 * log in the run's own folder, metrics and MQTT as asked. Everything else (margins, engine limits,
 * lead times) is the shipped file, so a run is judged against the configuration operators read.
 */
public final class SimSiteFile {
    private static final Pattern DEVICE_LINE = Pattern.compile("^(\\s*- \\{ id: )([A-Za-z0-9_.-]+)(,.*\\bport: )(\\d+)(.*)$");

    /** @param mqttUrl the broker to publish to; empty keeps MQTT off */
    public record Binding(List<DeviceEndpoint> endpoints, OptionalInt metricsPort, Optional<String> mqttUrl) {
    }

    private SimSiteFile() {
    }

    /** Writes {@code folder/site.yaml} from {@code shippedSite}; returns its path. */
    public static Path write(Path shippedSite, Path profilesDir, Binding binding, Path folder) throws IOException {
        List<String> lines = Files.readAllLines(shippedSite);
        StringBuilder out = new StringBuilder();
        out.append("profilesDir: ").append(profilesDir).append('\n');
        out.append("stateDir: ").append(folder.resolve("state")).append('\n');
        int bound = 0;
        for (String line : lines) {
            Matcher m = DEVICE_LINE.matcher(line);
            if (m.matches()) {
                String id = m.group(2);
                DeviceEndpoint e = binding.endpoints().stream().filter(p -> p.deviceId().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalStateException(shippedSite + ": no endpoint for device " + id));
                line = m.group(1) + id + m.group(3) + e.port() + m.group(5);
                bound++;
            } else if (line.startsWith("metrics:") || line.startsWith("logging:")
                    || (binding.mqttUrl().isPresent() && line.startsWith("mqtt:"))) {
                continue;
            }
            out.append(line).append('\n');
        }
        if (bound != binding.endpoints().size()) {
            throw new IllegalStateException(shippedSite + ": bound " + bound + " device lines, given "
                    + binding.endpoints().size() + " endpoints");
        }
        if (binding.metricsPort().isPresent()) {
            out.append("metrics: { enabled: true, bind: 127.0.0.1, port: ").append(binding.metricsPort().getAsInt())
                    .append(" }\n");
        } else {
            out.append("metrics: { enabled: false }\n");
        }
        binding.mqttUrl().ifPresent(url -> out.append("mqtt: { enabled: true, url: ").append(url).append(" }\n"));
        out.append("logging: { decisionLog: ").append(folder.resolve("decisions.jsonl")).append(" }\n");
        Path site = folder.resolve("site.yaml");
        Files.writeString(site, out);
        return site;
    }
}
