package io.plantd.controller.grid;

import io.plantd.controller.config.Tariff;
import io.plantd.controller.cycle.GridFeed;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.drivers.point.ProcessImage;
import io.plantd.drivers.yaml.ConfigErrors;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.drivers.yaml.YamlDocument;
import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The grid signal from a schedule file, read strictly at start (unknown keys, bad times,
 * overlapping entries are errors with file:line:column):
 * <pre>
 * entries:
 *   - start: 2026-07-01T14:00:00Z     # ISO-8601 with offset
 *     end: 2026-07-01T18:00:00-05:00
 *     level: 2                         # 0..3; 0 = a price period, not an event
 *     capLimitKw: 8000                 # optional
 *     priceElectricity: 0.45           # optional, per kWh (default: tariff)
 *     priceGas: 1.10                   # optional, per therm (default: tariff)
 * </pre>
 * Between events the status names the next event (level ≥ 1) as eventStart/eventEnd so the
 * policy can pre-start engines one lead time ahead.
 */
public final class ScheduleFileGridFeed implements GridFeed {

    /** One schedule entry; the interval is [start, end). */
    public record Entry(Instant start, Instant end, int level, OptionalDouble capLimitKw,
                        OptionalDouble priceElectricity, OptionalDouble priceGas) {
        boolean covers(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    private final List<Entry> entries;
    private final Tariff tariff;

    public ScheduleFileGridFeed(List<Entry> entries, Tariff tariff) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::start));
        this.entries = List.copyOf(sorted);
        this.tariff = tariff;
    }

    /** Reads and checks the file; throws with every error found, each with its position. */
    public static ScheduleFileGridFeed load(Path file, Tariff tariff) throws ConfigException {
        ConfigErrors errors = new ConfigErrors();
        List<Entry> entries = new ArrayList<>();
        List<YamlValue> positions = new ArrayList<>();
        YamlDocument.load(file, errors).ifPresent(root -> {
            YamlMap top = root.asMap();
            top.required("entries").ifPresent(list -> {
                for (YamlValue item : list.asList()) {
                    readEntry(item, errors).ifPresent(e -> {
                        entries.add(e);
                        positions.add(item);
                    });
                }
            });
            top.rejectUnknownKeys();
        });
        checkOverlaps(entries, positions);
        errors.throwIfAny();
        return new ScheduleFileGridFeed(entries, tariff);
    }

    private static Optional<Entry> readEntry(YamlValue item, ConfigErrors errors) {
        YamlMap m = item.asMap();
        Optional<Instant> start = m.required("start").flatMap(ScheduleFileGridFeed::instant);
        Optional<YamlValue> endNode = m.required("end");
        Optional<Instant> end = endNode.flatMap(ScheduleFileGridFeed::instant);
        int level = (int) m.integer("level", 0, 0, 3);
        OptionalDouble cap = optionalNumber(m, "capLimitKw", 1, Double.MAX_VALUE);
        OptionalDouble priceElectricity = optionalNumber(m, "priceElectricity", -Double.MAX_VALUE, Double.MAX_VALUE);
        OptionalDouble priceGas = optionalNumber(m, "priceGas", -Double.MAX_VALUE, Double.MAX_VALUE);
        m.rejectUnknownKeys();
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        if (!end.get().isAfter(start.get())) {
            endNode.get().error("end " + end.get() + " must be after start " + start.get());
            return Optional.empty();
        }
        return Optional.of(new Entry(start.get(), end.get(), level, cap, priceElectricity, priceGas));
    }

    private static OptionalDouble optionalNumber(YamlMap m, String key, double min, double max) {
        if (m.get(key).isEmpty()) {
            return OptionalDouble.empty();
        }
        double v = m.number(key, Double.NaN, min, max);
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static Optional<Instant> instant(YamlValue v) {
        String text = v.asString();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            v.error("expected an ISO-8601 time with offset such as 2026-07-01T14:00:00Z, got '" + text + "'");
            return Optional.empty();
        }
    }

    private static void checkOverlaps(List<Entry> entries, List<YamlValue> positions) {
        for (int i = 0; i < entries.size(); i++) {
            for (int j = 0; j < i; j++) {
                Entry a = entries.get(j);
                Entry b = entries.get(i);
                if (b.start().isBefore(a.end()) && a.start().isBefore(b.end())) {
                    positions.get(i).error("overlaps the entry at line " + positions.get(j).line()
                            + " (" + a.start() + " to " + a.end() + ")");
                }
            }
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public GridStatus current(ProcessImage image, Instant now) {
        Entry active = null;
        Entry nextEvent = null;
        for (Entry e : entries) {
            if (e.covers(now)) {
                active = e;
            } else if (nextEvent == null && e.level() > 0 && e.start().isAfter(now)) {
                nextEvent = e;
            }
        }
        double priceE = tariff.electricityPerKwh();
        double priceG = tariff.gasPerTherm();
        int level = 0;
        Optional<Double> cap = Optional.empty();
        Entry event = nextEvent;
        if (active != null) {
            priceE = active.priceElectricity().orElse(priceE);
            priceG = active.priceGas().orElse(priceG);
            level = active.level();
            if (active.capLimitKw().isPresent()) {
                cap = Optional.of(active.capLimitKw().getAsDouble());
            }
            if (active.level() > 0) {
                event = active;
            }
        }
        return new GridStatus(level, cap, priceE, priceG,
                Optional.ofNullable(event).map(Entry::start), Optional.ofNullable(event).map(Entry::end),
                Optional.empty(), false, true);
    }
}
