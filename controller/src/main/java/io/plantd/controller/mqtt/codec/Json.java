package io.plantd.controller.mqtt.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One strictly configured mapper: duplicate keys and trailing tokens are errors, NaN is not JSON. */
public final class Json {
    /** The schema version every payload carries as the MQTT v5 user property {@code schema}. */
    public static final String SCHEMA = "plantd.v1";
    public static final String SCHEMA_PROPERTY = "schema";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a whole payload; an empty payload is an error like any other malformed JSON. */
    public static JsonNode parse(byte[] payload) throws IOException {
        JsonNode node = MAPPER.readTree(payload);
        if (node == null || node.isMissingNode()) {
            throw new IOException("empty payload");
        }
        return node;
    }

    /** kW and prices rounded to 0.1 so that noise below that does not count as a change. */
    static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10.0) / 10.0 : v;
    }
}
