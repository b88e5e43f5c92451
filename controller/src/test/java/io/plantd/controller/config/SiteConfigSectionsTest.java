package io.plantd.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection variants, TLS and grid sources: the parts of the schema the base fixture does not use. */
class SiteConfigSectionsTest {
    @TempDir
    Path dir;
    SiteFixture site;

    @BeforeEach
    void setUp() throws IOException {
        site = new SiteFixture(dir);
        // device gw (lines 17-19) becomes the variant under test; the grid feed no longer uses it
        site.set(28, "  source: none").set(29, "  maxAgeMs: 60000");
    }

    private SiteConfig load() throws Exception {
        return SiteConfigLoader.load(site.write(), name -> null);
    }

    private List<String> errors() throws IOException {
        Path file = site.write();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SiteConfigLoader.load(file, n -> null));
        assertThat(e).as("expected errors").isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    private String at(int line, String token) {
        return dir.resolve("site.yaml") + ":" + line + ":" + site.col(line, token) + ": ";
    }

    @Test
    void modbusRtuTakesSerialDefaults() throws Exception {
        site.set(19, "    connection: { type: modbus-rtu, serialPort: /dev/ttyUSB0, unitId: 7 }");
        DeviceConfig gw = load().device("gw").orElseThrow();
        assertThat(gw.connection()).isEqualTo(new Connection.ModbusRtu("/dev/ttyUSB0", 9600, "even", 8, 1, 7, 500, 1, 125));
        assertThat(gw.bus()).isEqualTo("serial:/dev/ttyUSB0");
    }

    @Test
    void rtuUnitIdZeroIsBroadcastAndRefused() throws IOException {
        site.set(19, "    connection: { type: modbus-rtu, serialPort: /dev/ttyUSB0, unitId: 0, parity: mark }");
        assertThat(errors()).containsExactly(
                at(19, "0, parity") + "devices[2].connection.unitId: must be between 1 and 247, got 0",
                at(19, "mark") + "devices[2].connection.parity: expected none, even or odd, got 'mark'");
    }

    @Test
    void rtuOverTcpIsATcpConnectionWithRtuFraming() throws Exception {
        site.set(19, "    connection: { type: modbus-rtu-over-tcp, host: gw.local, port: 4001, unitId: 3 }");
        assertThat(load().device("gw").orElseThrow().connection())
                .isEqualTo(new Connection.ModbusTcp("gw.local", 4001, 3, 500, 1, 125, true));
    }

    @Test
    void bacnetConnectionNeedsADeviceInstance() throws Exception {
        site.set(18, "    profile: test-bacnet")
                .set(19, "    connection: { type: bacnet-ip, host: 127.0.0.1 }");
        assertThat(errors()).containsExactly(at(19, "{") + "devices[2].connection.deviceInstance: required field is missing");
        site.set(19, "    connection: { type: bacnet-ip, host: 127.0.0.1, deviceInstance: 1005 }");
        assertThat(load().device("gw").orElseThrow().connection())
                .isEqualTo(new Connection.BacnetIp("127.0.0.1", 47808, 1005, 1000, 1, 0, ""));
    }

    @Test
    void keysOfAnotherConnectionTypeAreUnknown() throws IOException {
        site.set(19, "    connection: { type: modbus-tcp, host: 127.0.0.1, baudRate: 9600 }");
        assertThat(errors()).singleElement().asString()
                .startsWith(at(19, "baudRate") + "devices[2].connection.baudRate: unknown key");
    }

    @Test
    void tlsNeedsAnSslUrlAndExistingFiles() throws IOException {
        site.set(30, "logging: { level: debug }").set(31, "metrics: { port: 9100 }").set(32, "mqtt:")
                .set(33, "  url: tcp://127.0.0.1:1883").set(34, "  clientId: plantd-test")
                .set(35, "  tls: { caFile: ca.pem, certFile: client.pem }");
        List<String> errors = errors();
        assertThat(errors).containsExactly(
                at(35, "{") + "mqtt.tls: tls needs an ssl:// or wss:// url, got a tcp:// url",
                at(35, "ca.pem") + "mqtt.tls.caFile: file " + dir.resolve("ca.pem") + " does not exist or is not readable",
                at(35, "client.pem") + "mqtt.tls.certFile: file " + dir.resolve("client.pem")
                        + " does not exist or is not readable",
                at(35, "client.pem") + "mqtt.tls.certFile: certFile and keyFile go together: give both or neither");
    }

    @Test
    void tlsWithItsFilesLoads() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "x");
        Files.writeString(dir.resolve("c.pem"), "x");
        Files.writeString(dir.resolve("c.key"), "x");
        site.set(30, "logging: { level: debug }").set(31, "mqtt:").set(32, "  url: ssl://broker.local:8883")
                .set(33, "  tls: { caFile: ca.pem, certFile: c.pem, keyFile: c.key }")
                .set(34, "metrics: { enabled: false }").set(35, "shutdown: { posture: motor }");
        SiteConfig c = load();
        MqttConfig.Tls tls = c.mqtt().tls().orElseThrow();
        assertThat(tls.caFile()).isEqualTo(dir.resolve("ca.pem").toString());
        assertThat(tls.certFile()).contains(dir.resolve("c.pem").toString());
        assertThat(c.mqtt().principals()).isEmpty();
        assertThat(c.logging().level()).isEqualTo("DEBUG");
        assertThat(c.metrics().enabled()).isFalse();
        assertThat(c.shutdown().posture()).isEqualTo(io.plantd.controller.policy.DriveMode.MOTOR);
    }

    @Test
    void scheduleFileMustExist() throws Exception {
        site.set(28, "  source: schedule").set(29, "  scheduleFile: events.yaml");
        assertThat(errors()).containsExactly(at(29, "events.yaml") + "grid.scheduleFile: schedule file "
                + dir.resolve("events.yaml") + " does not exist");
        Files.writeString(dir.resolve("events.yaml"), "events: []\n");
        assertThat(load().grid().scheduleFile()).contains(dir.resolve("events.yaml"));
    }

    @Test
    void mqttGridSourceNeedsMqtt() throws Exception {
        site.set(28, "  source: mqtt").set(29, "  mqttTopic: utility/adr/signal").set(30, "logging:")
                .set(31, "  level: warn").set(32, "metrics:").set(33, "  port: 9100").set(34, "shutdown:")
                .set(35, "  posture: local");
        assertThat(errors()).containsExactly(at(29, "utility") + "grid.mqttTopic: source: mqtt needs the mqtt section enabled");
    }

    @Test
    void badGridSourceIsReportedOnce() throws IOException {
        site.set(28, "  source: openadr").set(29, "  device: gw");
        assertThat(errors()).containsExactly(at(28, "openadr")
                + "grid.source: expected one of [none, modbus, schedule, mqtt], got 'openadr'");
    }
}
