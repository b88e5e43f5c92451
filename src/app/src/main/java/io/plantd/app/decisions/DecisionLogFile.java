package io.plantd.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The daemon's decision log (JSON lines, rotated files included), every line parsed strictly. */
final class DecisionLogFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionLogFile() {
    }

    /** One line: {@code event} is command, alarm-raised or alarm-cleared. */
    record Entry(Instant ts, String event, JsonNode json) {
        String text(String field) {
            JsonNode n = json.get(field);
            return n == null || n.isNull() ? "" : n.asText();
        }

        @Override
        public String toString() {
            return ts + " " + event + " " + (event.equals("command")
                    ? text("chiller") + " " + text("from") + "->" + text("to") + " " + text("reason")
                    : text("alarm"));
        }

        double input(String field) {
            JsonNode n = json.path("inputs").get(field);
            return n == null || n.isNull() ? Double.NaN : n.asDouble();
        }
    }

    static List<Entry> read(Path log) {
        List<Entry> entries = new ArrayList<>();
        Path dir = log.getParent();
        String name = log.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            // rotated files first (older), the live one last
            List<Path> all = files.filter(p -> p.getFileName().toString().startsWith(name)).sorted((a, b) -> {
                if (a.equals(log)) {
                    return 1;
                }
                if (b.equals(log)) {
                    return -1;
                }
                return b.getFileName().toString().compareTo(a.getFileName().toString());
            }).toList();
            for (Path file : all) {
                int n = 0;
                for (String line : Files.readAllLines(file)) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode json;
                    try {
                        json = JSON.readTree(line);
                    } catch (IOException e) {
                        throw new AssertionError(file + ":" + n + ": not JSON: " + line, e);
                    }
                    entries.add(new Entry(Instant.parse(json.get("ts").asText()), json.get("event").asText(), json));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
