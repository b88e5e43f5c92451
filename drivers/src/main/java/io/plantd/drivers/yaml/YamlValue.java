package io.plantd.drivers.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML node with its file, position and dotted path. Every conversion that fails records an
 * error and returns a harmless placeholder, so one pass finds every mistake in the file.
 */
public final class YamlValue {
    private final String file;
    private final String path;
    private final Node node;
    private final ConfigErrors errors;

    YamlValue(String file, String path, Node node, ConfigErrors errors) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.errors = errors;
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    public int column() {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
    }

    public void error(String reason) {
        errors.add(new ConfigError(file, line(), column(), path, reason));
    }

    ConfigErrors errors() {
        return errors;
    }

    Node node() {
        return node;
    }

    static ConfigError errorAt(String file, Optional<Mark> mark, String path, String reason) {
        return new ConfigError(file, mark.map(m -> m.getLine() + 1).orElse(1),
                mark.map(m -> m.getColumn() + 1).orElse(1), path, reason);
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    public YamlMap asMap() {
        if (node instanceof MappingNode m) {
            return new YamlMap(this, m);
        }
        error("expected a mapping (key: value), got " + describe());
        return YamlMap.empty(this);
    }

    public List<YamlValue> asList() {
        if (node instanceof SequenceNode s) {
            List<YamlValue> items = new ArrayList<>();
            for (int i = 0; i < s.getValue().size(); i++) {
                items.add(new YamlValue(file, path + "[" + i + "]", s.getValue().get(i), errors));
            }
            return items;
        }
        error("expected a list, got " + describe());
        return List.of();
    }

    /** A plain string; numbers and booleans are refused so that {@code id: 1} is not silently "1". */
    public String asString() {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.STR) || s.getScalarStyle() != ScalarStyle.PLAIN)) {
            return s.getValue();
        }
        error("expected a string, got " + describe());
        return "";
    }

    public double asDouble() {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                double v = Double.parseDouble(s.getValue().replace("_", ""));
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        error("expected a number, got " + describe());
        return Double.NaN;
    }

    public long asLong() {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                String v = s.getValue().replace("_", "");
                return v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        error("expected an integer, got " + describe());
        return 0L;
    }

    public boolean asBoolean() {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT));
        }
        error("expected true or false, got " + describe());
        return false;
    }

    /** Case-insensitive enum constant; '-' in the YAML matches '_' in the constant. */
    public <E extends Enum<E>> Optional<E> asEnum(Class<E> type) {
        if (node instanceof ScalarNode s) {
            String wanted = s.getValue().trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return Optional.of(constant);
                }
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        error("expected one of " + allowed + ", got " + describe());
        return Optional.empty();
    }

    /**
     * A credential: {@code ${ENV_VAR}} reads the environment, {@code file:/path} reads the file
     * (trailing newline dropped). A literal is accepted too. The value never appears in errors.
     */
    public Optional<Secret> asSecret(java.util.function.Function<String, String> env) {
        // Not asString(): its error would quote the value, and this value is a credential. The
        // YAML resolver tags a plain ${NAME} as !ENV_VARIABLE rather than str.
        if (!(node instanceof ScalarNode s) || !(s.getTag().equals(Tag.STR) || s.getTag().equals(Tag.ENV_TAG)
                || s.getScalarStyle() != ScalarStyle.PLAIN)) {
            error("expected a string: ${ENV_VAR}, file:/path or a quoted literal (value not shown)");
            return Optional.empty();
        }
        String raw = s.getValue();
        if (raw.startsWith("${") && raw.endsWith("}")) {
            String name = raw.substring(2, raw.length() - 1);
            String v = env.apply(name);
            if (v == null) {
                error("environment variable " + name + " is not set");
                return Optional.empty();
            }
            return Optional.of(new Secret(v, raw));
        }
        if (raw.startsWith("file:")) {
            java.nio.file.Path p = java.nio.file.Path.of(raw.substring(5));
            try {
                return Optional.of(new Secret(java.nio.file.Files.readString(p).stripTrailing(), raw));
            } catch (java.io.IOException e) {
                error("cannot read secret file " + p + ": " + e.getClass().getSimpleName());
                return Optional.empty();
            }
        }
        return Optional.of(new Secret(raw, "inline value"));
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        if (s.getTag().equals(Tag.NULL)) {
            return "nothing (null)";
        }
        String v = s.getValue();
        return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
    }
}
