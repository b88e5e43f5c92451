package io.plantd.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.plantd.controller.config.LoggingConfig;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.level} of the site config to plantd's own loggers ({@code io.plantd}),
 * leaving libraries at the levels logback.xml gives them.
 */
public final class LoggingSetup {
    public static final String PLANTD_LOGGER = "io.plantd";

    private LoggingSetup() {
    }

    public static void apply(LoggingConfig config) {
        apply(config.level());
    }

    /** {@code level} is one the config loader accepted: TRACE, DEBUG, INFO, WARN or ERROR. */
    public static void apply(String level) {
        if (LoggerFactory.getLogger(PLANTD_LOGGER) instanceof Logger logger) {
            logger.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
