package io.plantd.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.plantd.controller.config.LoggingConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
    private final Logger plantd = (Logger) LoggerFactory.getLogger("io.plantd");
    private final Level before = plantd.getLevel();

    @AfterEach
    void restore() {
        plantd.setLevel(before);
    }

    @Test
    void siteLevelAppliesToPlantdLoggersOnly() {
        Logger library = (Logger) LoggerFactory.getLogger("com.ghgande.j2mod");
        Level libraryBefore = library.getEffectiveLevel();
        LoggingSetup.apply(new LoggingConfig("DEBUG", Path.of("d.jsonl"), 1 << 20, 1));
        assertThat(LoggerFactory.getLogger("io.plantd.controller.cycle.Anything").isDebugEnabled()).isTrue();
        assertThat(library.getEffectiveLevel()).isEqualTo(libraryBefore);

        LoggingSetup.apply("WARN");
        assertThat(LoggerFactory.getLogger("io.plantd.drivers.x").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("io.plantd.drivers.x").isWarnEnabled()).isTrue();
    }
}
