package io.plantd.controller.persist;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plantd.controller.command.Command.OverrideMode;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.state.ChillerState;
import io.plantd.controller.state.EngineRole;
import io.plantd.controller.state.PlantState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The on-disk JSON form of a {@link PlantState.Snapshot}, written field by field (not by
 * reflection) so the format is explicit and versioned: {@code {"schema": 1, "savedAt": ...,
 * "plant": {...}}}. Unset times ({@link ChillerState#NEVER}) and absent values (NaN) are JSON
 * null. Decoding is strict: every field must be present with the right type, otherwise a
 * {@link StateFileException} names the field.
 */
public final class StateCodec {
    public static final int SCHEMA = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private StateCodec() {
    }

    public static byte[] encode(PlantState.Snapshot s, Instant savedAt) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("savedAt", savedAt.toString());
        ObjectNode plant = root.putObject("plant");
        plant.put("mode", s.mode().name());
        plant.put("economicEnabled", s.economicEnabled());
        putDouble(plant, "temporaryCapKw", s.temporaryCapKw());
        putTime(plant, "temporaryCapUntilMs", s.temporaryCapUntilMs());
        plant.put("rotation", s.rotation());
        ArrayNode chillers = plant.putArray("chillers");
        for (ChillerState.Snapshot c : s.chillers()) {
            ObjectNode n = chillers.addObject();
            n.put("id", c.id());
            n.put("adopted", c.adopted());
            n.put("commanded", c.commanded() == null ? null : c.commanded().name());
            n.put("engineShare", c.engineShare());
            putTime(n, "commandedAtMs", c.commandedAtMs());
            n.put("role", c.role().name());
            putTime(n, "engineStartedAtMs", c.engineStartedAtMs());
            putTime(n, "engineStoppedAtMs", c.engineStoppedAtMs());
            ArrayNode starts = n.putArray("startTimesMs");
            for (long t : c.startTimesMs()) {
                starts.add(t);
            }
            n.put("totalStarts", c.totalStarts());
            n.put("engineRunSeconds", c.engineRunSeconds());
            n.put("yearRunSeconds", c.yearRunSeconds());
            n.put("runYear", c.runYear());
            putTime(n, "lockoutUntilMs", c.lockoutUntilMs());
            n.put("lockoutReason", c.lockoutReason());
            ArrayNode lead = n.putArray("leadSamplesS");
            for (double d : c.leadSamplesS()) {
                lead.add(d);
            }
            n.put("override", c.override().name());
            putTime(n, "overrideUntilMs", c.overrideUntilMs());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode plant state", e);
        }
    }

    /** A decoded file: the snapshot and when it was saved. */
    public record Decoded(PlantState.Snapshot snapshot, Instant savedAt) {
    }

    public static Decoded decode(byte[] bytes) throws StateFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new StateFileException("not valid JSON (truncated or corrupt): " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new StateFileException("not a JSON object (empty or corrupt file)");
        }
        long schema = integer(root, "", "schema");
        if (schema != SCHEMA) {
            throw new StateFileException("schema " + schema + " is not supported (this plantd reads schema " + SCHEMA + ")");
        }
        Instant savedAt;
        try {
            savedAt = Instant.parse(text(root, "", "savedAt"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new StateFileException("savedAt: not an ISO-8601 instant");
        }
        JsonNode plant = object(root, "plant");
        JsonNode list = field(plant, "plant.chillers");
        if (!list.isArray()) {
            throw new StateFileException("plant.chillers: expected an array");
        }
        List<ChillerState.Snapshot> chillers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            chillers.add(chiller(list.get(i), "plant.chillers[" + i + "]"));
        }
        PlantState.Snapshot snap = new PlantState.Snapshot(chillers,
                enumOf(OperatingMode.class, text(plant, "plant", "mode"), "plant.mode"),
                bool(plant, "plant", "economicEnabled"), nullableDouble(plant, "temporaryCapKw"),
                time(plant, "plant", "temporaryCapUntilMs"), (int) integer(plant, "plant", "rotation"));
        return new Decoded(snap, savedAt);
    }

    private static ChillerState.Snapshot chiller(JsonNode n, String at) throws StateFileException {
        if (n == null || !n.isObject()) {
            throw new StateFileException(at + ": expected an object");
        }
        P p = new P(n, at);
        String commanded = p.nullableText("commanded");
        JsonNode startsNode = p.array("startTimesMs");
        long[] starts = new long[startsNode.size()];
        for (int i = 0; i < starts.length; i++) {
            JsonNode v = startsNode.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new StateFileException(at + ".startTimesMs[" + i + "]: expected epoch milliseconds");
            }
            starts[i] = v.longValue();
        }
        JsonNode leadNode = p.array("leadSamplesS");
        double[] lead = new double[leadNode.size()];
        for (int i = 0; i < lead.length; i++) {
            JsonNode v = leadNode.get(i);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
                throw new StateFileException(at + ".leadSamplesS[" + i + "]: expected a non-negative number of seconds");
            }
            lead[i] = v.doubleValue();
        }
        double share = p.number("engineShare");
        if (share < 0 || share > 1) {
            throw new StateFileException(at + ".engineShare: " + share + " is outside 0..1");
        }
        return new ChillerState.Snapshot(p.text("id"), p.bool("adopted"),
                commanded == null ? null : enumOf(DriveMode.class, commanded, at + ".commanded"), share,
                p.time("commandedAtMs"), enumOf(EngineRole.class, p.text("role"), at + ".role"),
                p.time("engineStartedAtMs"), p.time("engineStoppedAtMs"), starts, p.nonNegative("totalStarts"),
                p.nonNegativeNumber("engineRunSeconds"), p.nonNegativeNumber("yearRunSeconds"),
                (int) p.integer("runYear"), p.time("lockoutUntilMs"), p.text("lockoutReason"), lead,
                enumOf(OverrideMode.class, p.text("override"), at + ".override"), p.time("overrideUntilMs"));
    }

    /** Field access with the path prefix for messages. */
    private record P(JsonNode n, String at) {
        String text(String f) throws StateFileException {
            return StateCodec.text(n, at, f);
        }

        String nullableText(String f) throws StateFileException {
            JsonNode v = StateCodec.field(n, at, f);
            if (v.isNull()) {
                return null;
            }
            return StateCodec.text(n, at, f);
        }

        boolean bool(String f) throws StateFileException {
            return StateCodec.bool(n, at, f);
        }

        long integer(String f) throws StateFileException {
            return StateCodec.integer(n, at, f);
        }

        long nonNegative(String f) throws StateFileException {
            long v = integer(f);
            if (v < 0) {
                throw new StateFileException(at + "." + f + ": " + v + " is negative");
            }
            return v;
        }

        double number(String f) throws StateFileException {
            JsonNode v = StateCodec.field(n, at, f);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw new StateFileException(at + "." + f + ": expected a finite number");
            }
            return v.doubleValue();
        }

        double nonNegativeNumber(String f) throws StateFileException {
            double v = number(f);
            if (v < 0) {
                throw new StateFileException(at + "." + f + ": " + v + " is negative");
            }
            return v;
        }

        long time(String f) throws StateFileException {
            return StateCodec.time(n, at, f);
        }

        JsonNode array(String f) throws StateFileException {
            JsonNode v = StateCodec.field(n, at, f);
            if (!v.isArray()) {
                throw new StateFileException(at + "." + f + ": expected an array");
            }
            return v;
        }
    }

    // ---- field helpers (top level uses an empty prefix) ----------------------------------

    private static JsonNode field(JsonNode n, String at, String f) throws StateFileException {
        JsonNode v = n.get(f);
        if (v == null) {
            throw new StateFileException(path(at, f) + ": missing");
        }
        return v;
    }

    private static JsonNode field(JsonNode n, String dotted) throws StateFileException {
        int dot = dotted.lastIndexOf('.');
        return field(n, dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    private static String path(String at, String f) {
        return at.isEmpty() ? f : at + "." + f;
    }

    private static JsonNode object(JsonNode n, String f) throws StateFileException {
        JsonNode v = field(n, "", f);
        if (!v.isObject()) {
            throw new StateFileException(f + ": expected an object");
        }
        return v;
    }

    private static String text(JsonNode n, String at, String f) throws StateFileException {
        JsonNode v = field(n, at, f);
        if (!v.isTextual()) {
            throw new StateFileException(path(at, f) + ": expected a string");
        }
        return v.textValue();
    }

    private static boolean bool(JsonNode n, String at, String f) throws StateFileException {
        JsonNode v = field(n, at, f);
        if (!v.isBoolean()) {
            throw new StateFileException(path(at, f) + ": expected true or false");
        }
        return v.booleanValue();
    }

    private static long integer(JsonNode n, String at, String f) throws StateFileException {
        JsonNode v = field(n, at, f);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new StateFileException(path(at, f) + ": expected an integer");
        }
        return v.longValue();
    }

    private static long time(JsonNode n, String at, String f) throws StateFileException {
        JsonNode v = field(n, at, f);
        if (v.isNull()) {
            return ChillerState.NEVER;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new StateFileException(path(at, f) + ": expected epoch milliseconds or null");
        }
        return v.longValue();
    }

    private static double nullableDouble(JsonNode n, String f) throws StateFileException {
        JsonNode v = field(n, "plant", f);
        if (v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new StateFileException("plant." + f + ": expected a finite number or null");
        }
        return v.doubleValue();
    }

    private static void putTime(ObjectNode n, String f, long ms) {
        if (ms == ChillerState.NEVER) {
            n.putNull(f);
        } else {
            n.put(f, ms);
        }
    }

    private static void putDouble(ObjectNode n, String f, double v) {
        if (Double.isNaN(v)) {
            n.putNull(f);
        } else {
            n.put(f, v);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name, String at) throws StateFileException {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new StateFileException(at + ": '" + name + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
