package io.plantd.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plantd.drivers.yaml.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials come from the environment or a file and never show up in errors or toString. */
class SecretsTest {
    private static final String USER = "plantd-user-7f3a";
    private static final String PASSWORD = "pw-from-file-91c2";

    @TempDir
    Path dir;
    SiteFixture site;
    Path passwordFile;

    @BeforeEach
    void setUp() throws Exception {
        site = new SiteFixture(dir);
        passwordFile = Files.writeString(dir.resolve("mqtt-password"), PASSWORD + "\n");
        site.set(32, "  username: ${MQTT_USER}")
                .set(33, "  password: file:" + passwordFile);
    }

    @Test
    void resolvesEnvAndFileSecretsWithoutShowingThem() throws Exception {
        SiteConfig c = SiteConfigLoader.load(site.write(), Map.of("MQTT_USER", USER)::get);
        assertThat(c.mqtt().username().orElseThrow().reveal()).isEqualTo(USER);
        assertThat(c.mqtt().password().orElseThrow().reveal()).isEqualTo(PASSWORD);
        assertThat(c.toString()).doesNotContain(USER).doesNotContain(PASSWORD).contains("${MQTT_USER}");
    }

    @Test
    void errorsElsewhereDoNotEchoSecrets() throws Exception {
        site.set(3, "  serviceCapacityKw: -1").set(31, "  url: nope://x");
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> SiteConfigLoader.load(site.write(), Map.of("MQTT_USER", USER)::get));
        assertThat(e.errors()).hasSize(2);
        assertThat(e.getMessage()).doesNotContain(USER).doesNotContain(PASSWORD);
    }

    @Test
    void missingEnvironmentVariableNamesTheVariableOnly() throws Exception {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> SiteConfigLoader.load(site.write(), name -> null));
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).toString()).isEqualTo(dir.resolve("site.yaml") + ":32:"
                + site.col(32, "${") + ": mqtt.username: environment variable MQTT_USER is not set");
    }

    @Test
    void aSecretOfTheWrongTypeIsNotQuoted() throws Exception {
        site.set(33, "  password: 918273645");
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> SiteConfigLoader.load(site.write(), Map.of("MQTT_USER", USER)::get));
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).path()).isEqualTo("mqtt.password");
        assertThat(e.getMessage()).contains("value not shown").doesNotContain("918273645");
    }

    @Test
    void unreadableSecretFileIsReportedWithoutContent() throws Exception {
        site.set(33, "  password: file:" + dir.resolve("absent"));
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> SiteConfigLoader.load(site.write(), Map.of("MQTT_USER", USER)::get));
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).reason()).startsWith("cannot read secret file " + dir.resolve("absent"));
    }
}
