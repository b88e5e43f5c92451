package io.plantd.controller.config;

import java.nio.file.Path;

/** Log level of plantd's own loggers, and where the JSON-lines decision log goes (rotated by size). */
public record LoggingConfig(String level, Path decisionLog, long decisionLogMaxBytes, int decisionLogMaxFiles) {
}
