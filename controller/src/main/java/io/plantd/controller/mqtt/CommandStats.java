package io.plantd.controller.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts command outcomes by command and result. Every combination exists from the start (at
 * zero), so a metrics exporter can initialise every series.
 */
public final class CommandStats {
    /** Command label values; {@code unknown} counts topics naming no known command. */
    public static final List<String> COMMANDS = List.of("override", "cap", "mode", "rebirth", "unknown");
    /**
     * Result label values: {@code accepted} (applied), {@code refused} (valid but the cycle refused it),
     * {@code invalid} (schema or value), {@code unauthorised}, {@code timeout} (no answer from the cycle).
     */
    public static final List<String> RESULTS = List.of("accepted", "refused", "invalid", "unauthorised", "timeout");

    private final Map<String, LongAdder> counts = new LinkedHashMap<>();
    private final List<CommandObserver> observers = new CopyOnWriteArrayList<>();

    CommandStats() {
        for (String c : COMMANDS) {
            for (String r : RESULTS) {
                counts.put(key(c, r), new LongAdder());
            }
        }
    }

    public void addObserver(CommandObserver observer) {
        observers.add(observer);
    }

    void record(String command, String result) {
        String c = COMMANDS.contains(command) ? command : "unknown";
        LongAdder n = counts.get(key(c, result));
        if (n == null) {
            throw new IllegalArgumentException("unknown result label " + result);
        }
        n.increment();
        for (CommandObserver o : observers) {
            o.onCommand(c, result);
        }
    }

    public long count(String command, String result) {
        LongAdder n = counts.get(key(command, result));
        return n == null ? 0 : n.sum();
    }

    /** Every (command, result) with its count, in a stable order. */
    public List<Count> snapshot() {
        List<Count> out = new ArrayList<>();
        for (String c : COMMANDS) {
            for (String r : RESULTS) {
                out.add(new Count(c, r, counts.get(key(c, r)).sum()));
            }
        }
        return out;
    }

    public record Count(String command, String result, long count) {
    }

    private static String key(String command, String result) {
        return command + '\u0000' + result;
    }
}
