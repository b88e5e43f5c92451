package io.plantd.controller.mqtt.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A JSON object read strictly: unknown fields and wrong types are errors naming the field.
 * An explicit {@code null} counts as absent for optional fields.
 */
final class StrictObject {
    /** Jackson's "[Source: ...]" location text says nothing to a BMS integrator: the position is given already. */
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\([^()]*\\[Source: [^\\]]*\\]\\)");

    private final JsonNode node;

    private StrictObject(JsonNode node) {
        this.node = node;
    }

    static StrictObject parse(byte[] payload, Set<String> allowed) throws PayloadException {
        JsonNode node;
        try {
            node = Json.parse(payload);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new PayloadException("", "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PayloadException("", "malformed JSON: " + firstLine(e.getMessage()));
        }
        if (!node.isObject()) {
            throw new PayloadException("", "must be a JSON object, got " + node.getNodeType().name().toLowerCase());
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new PayloadException(name, "unknown field; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return new StrictObject(node);
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    String requiredText(String field) throws PayloadException {
        return optionalText(field).orElseThrow(() -> new PayloadException(field, "required"));
    }

    Optional<String> optionalText(String field) throws PayloadException {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw wrongType(field, "a string", v);
        }
        return Optional.of(v.textValue());
    }

    double requiredNumber(String field) throws PayloadException {
        return optionalNumber(field).orElseThrow(() -> new PayloadException(field, "required"));
    }

    Optional<Double> optionalNumber(String field) throws PayloadException {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            throw wrongType(field, "a number", v);
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new PayloadException(field, "must be a finite number");
        }
        return Optional.of(d);
    }

    Optional<Long> optionalWholeNumber(String field) throws PayloadException {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(field, "a whole number", v);
        }
        return Optional.of(v.longValue());
    }

    boolean requiredBoolean(String field) throws PayloadException {
        return optionalBoolean(field).orElseThrow(() -> new PayloadException(field, "required"));
    }

    Optional<Boolean> optionalBoolean(String field) throws PayloadException {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw wrongType(field, "true or false", v);
        }
        return Optional.of(v.booleanValue());
    }

    Optional<Instant> optionalInstant(String field) throws PayloadException {
        Optional<String> text = optionalText(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw new PayloadException(field, "must be an ISO-8601 UTC instant such as 2026-07-01T14:00:00Z, got \""
                    + text.get() + "\"");
        }
    }

    /** An enum value given as its exact upper-case name. */
    <E extends Enum<E>> E requiredEnum(String field, Class<E> type, Set<E> allowed) throws PayloadException {
        return optionalEnum(field, type, allowed).orElseThrow(() -> new PayloadException(field, "required"));
    }

    <E extends Enum<E>> Optional<E> optionalEnum(String field, Class<E> type, Set<E> allowed) throws PayloadException {
        Optional<String> text = optionalText(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E e : allowed) {
            if (e.name().equals(text.get())) {
                return Optional.of(e);
            }
        }
        TreeSet<String> names = new TreeSet<>();
        allowed.forEach(e -> names.add(e.name()));
        throw new PayloadException(field, "must be one of " + String.join(", ", names) + ", got \"" + text.get() + "\"");
    }

    private static PayloadException wrongType(String field, String expected, JsonNode got) {
        return new PayloadException(field, "must be " + expected + ", got " + got.getNodeType().name().toLowerCase()
                + " " + abbreviate(got.toString()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return SOURCE_NOTE.matcher(line).replaceAll("");
    }
}
