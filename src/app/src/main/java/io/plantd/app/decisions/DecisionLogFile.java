package io.plantd.app.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The daemon's decision log read back (JSON lines, rotated files included, oldest first), for the
 * end-to-end tests and the network soak. A line that is not a complete entry is kept aside with
 * its position rather than guessed at: a daemon killed mid-write leaves one behind.
 */
public final class DecisionLogFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionLogFile() {
    }

    /** One line: {@code event} is command, alarm-raised or alarm-cleared. */
    public record Entry(Instant ts, String event, JsonNode json) {
        public String text(String field) {
            JsonNode n = json.get(field);
            return n == null || n.isNull() ? "" : n.asText();
        }

        public double input(String field) {
            JsonNode n = json.path("inputs").get(field);
            return n == null || n.isNull() ? Double.NaN : n.asDouble();
        }

        @Override
        public String toString() {
            return ts + " " + event + " " + (event.equals("command")
                    ? text("chiller") + " " + text("from") + "->" + text("to") + " " + text("reason")
                    : text("alarm"));
        }
    }

    /** @param unreadable {@code FILE:LINE: text} of every line that is not a complete entry */
    public record Contents(List<Entry> entries, List<String> unreadable) {
    }

    /** Every entry; fails naming the file and line if any line is not a complete entry. */
    public static List<Entry> read(Path log) {
        Contents c = readAll(log);
        if (!c.unreadable().isEmpty()) {
            throw new IllegalStateException("not a decision-log entry: " + c.unreadable().get(0));
        }
        return c.entries();
    }

    public static Contents readAll(Path log) {
        List<Entry> entries = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : filesOldestFirst(log)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                Entry e = parse(line);
                if (e == null) {
                    unreadable.add(file + ":" + (i + 1) + ": " + line);
                } else {
                    entries.add(e);
                }
            }
        }
        return new Contents(entries, unreadable);
    }

    private static Entry parse(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            JsonNode ts = json.get("ts");
            JsonNode event = json.get("event");
            if (ts == null || event == null) {
                return null;
            }
            return new Entry(Instant.parse(ts.asText()), event.asText(), json);
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    /** Rotated files (older, higher suffix first), the live one last. */
    private static List<Path> filesOldestFirst(Path log) {
        Path dir = log.toAbsolutePath().getParent();
        String name = log.getFileName().toString();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name)).sorted((a, b) -> {
                if (a.getFileName().toString().equals(name)) {
                    return 1;
                }
                if (b.getFileName().toString().equals(name)) {
                    return -1;
                }
                return b.getFileName().toString().compareTo(a.getFileName().toString());
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
