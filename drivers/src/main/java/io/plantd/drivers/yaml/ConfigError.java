package io.plantd.drivers.yaml;

/** One problem in a config file, printed as {@code FILE:LINE:COLUMN: path.to.field: reason}. */
public record ConfigError(String file, int line, int column, String path, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "(document)" : path) + ": " + reason;
    }
}
