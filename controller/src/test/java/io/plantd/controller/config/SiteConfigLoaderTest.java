package io.plantd.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plantd.controller.policy.DriveMode;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigLoaderTest {
    private static final Function<String, String> NO_ENV = name -> null;

    @TempDir
    Path dir;
    SiteFixture site;

    @BeforeEach
    void setUp() throws IOException {
        site = new SiteFixture(dir);
    }

    private List<ConfigError> errors() throws IOException {
        return errors(NO_ENV);
    }

    private List<ConfigError> errors(Function<String, String> env) throws IOException {
        Path file = site.write();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SiteConfigLoader.load(file, env));
        assertThat(e).as("expected the config to be refused").isNotNull();
        return e.errors();
    }

    /** Asserts exactly one error, at line {@code line} where {@code token} starts. */
    private void assertOneError(int line, String token, String path, String reason) throws IOException {
        int column = site.col(line, token);
        List<ConfigError> errors = errors();
        assertThat(errors).as(errors.toString()).hasSize(1);
        assertError(errors.get(0), site.dir.resolve("site.yaml").toString(), line, column, path, reason);
    }

    private static void assertError(ConfigError e, String file, int line, int column, String path, String reason) {
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line() + ":" + e.column()).as(e.toString()).isEqualTo(line + ":" + column);
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.reason()).contains(reason);
    }

    @Test
    void validSiteLoadsWithDefaults() throws Exception {
        SiteConfig c = SiteConfigLoader.load(site.write(), NO_ENV);
        assertThat(c.site().id()).isEqualTo("s1");
        assertThat(c.site().serviceCapacityKw()).isEqualTo(1000);
        assertThat(c.site().marginKw()).isEqualTo(50);
        assertThat(c.site().releaseMarginKw()).isEqualTo(100);
        assertThat(c.site().demandIntervalS()).isEqualTo(900);
        assertThat(c.control().periodMs()).isEqualTo(1000);
        assertThat(c.control().releaseDelayS()).isEqualTo(600);
        assertThat(c.control().meterMaxAgeMs()).isEqualTo(5000);
        assertThat(c.control().overrideDefaultS()).isEqualTo(3600);
        assertThat(c.control().overrideMaxS()).isEqualTo(86_400);
        assertThat(c.control().spikeSpanS()).isEqualTo(30);
        assertThat(c.control().spikeMemoryS()).isEqualTo(21_600);
        assertThat(c.devices()).extracting(DeviceConfig::id).containsExactly("ch1", "meter", "gw");
        assertThat(c.device("ch1").orElseThrow().connection())
                .isEqualTo(new Connection.ModbusTcp("127.0.0.1", 1502, 1, 500, 1, 125, false));
        assertThat(c.device("ch1").orElseThrow().bus()).isEqualTo("tcp:127.0.0.1:1502");
        assertThat(c.device("gw").orElseThrow().pollPeriodMs()).isEqualTo(1000);
        assertThat(c.profiles()).containsOnlyKeys("test-chiller", "test-meter", "test-grid");
        assertThat(c.meters().site()).isEqualTo(PointId.of("meter", "power"));
        assertThat(c.meters().it()).isEmpty();
        ChillerConfig c1 = c.chiller("c1").orElseThrow();
        assertThat(c1.capacityTons()).isEqualTo(500);
        assertThat(c1.motorKwPerTon()).isEqualTo(0.6);
        assertThat(c1.engine()).isEqualTo(new EngineLimits(300, 900, 600, 4, 3000, 1800, 0.07, 0.02));
        assertThat(c.grid().source()).isEqualTo(GridFeedConfig.Source.MODBUS);
        assertThat(c.grid().device()).contains("gw");
        assertThat(c.mqtt().enabled()).isTrue();
        assertThat(c.mqtt().clientId()).isEqualTo("plantd-s1");
        assertThat(c.mqtt().principals()).isEqualTo(Map.of("bms", Set.of("override", "cap")));
        assertThat(c.metrics()).isEqualTo(new MetricsConfig(true, "127.0.0.1", 9464));
        assertThat(c.logging().level()).isEqualTo("INFO");
        assertThat(c.shutdown().posture()).isEqualTo(DriveMode.LOCAL);
        assertThat(c.stateDir()).isEqualTo(Path.of("plantd-state"));
    }

    @Test
    void unknownKey() throws IOException {
        site.set(7, "  perodMs: 1000");
        assertOneError(7, "perodMs", "control.perodMs", "unknown key (did you mean 'periodMs'?)");
    }

    @Test
    void wrongType() throws IOException {
        site.set(3, "  serviceCapacityKw: lots");
        assertOneError(3, "lots", "site.serviceCapacityKw", "expected a number, got 'lots'");
    }

    @Test
    void missingRequiredField() throws IOException {
        site.set(2, "  currency: USD");
        assertOneError(2, "currency", "site.id", "required field is missing");
    }

    @Test
    void negativeCap() throws IOException {
        site.set(3, "  serviceCapacityKw: -5");
        assertOneError(3, "-5", "site.serviceCapacityKw", "must be greater than 0, got -5");
    }

    @Test
    void anInvalidCapIsReportedOnceNotAgainAtEveryLimitDerivedFromIt() throws IOException {
        site.set(3, "  serviceCapacityKw: -5")
                .set(7, "  gridEvents: { capReductionKw: { level2: 500 }, lowFrequencyCapReductionKw: 100 }");
        assertOneError(3, "-5", "site.serviceCapacityKw", "must be greater than 0, got -5");
    }

    @Test
    void gridEventReductionMustLeaveSomeCap() throws IOException {
        site.set(7, "  gridEvents: { capReductionKw: { level3: 950 } }");
        assertOneError(7, "950", "control.gridEvents.capReductionKw.level3",
                "must be below serviceCapacityKw - marginKw (950), got 950");
    }

    @Test
    void marginAtOrAboveCap() throws IOException {
        site.set(4, "  marginKw: 1000").set(5, "  releaseMarginKw: 1001");
        List<ConfigError> errors = errors();
        String file = dir.resolve("site.yaml").toString();
        assertThat(errors).hasSize(2);
        assertError(errors.get(0), file, 4, site.col(4, "1000"), "site.marginKw",
                "must be below serviceCapacityKw (1000), got 1000");
        assertError(errors.get(1), file, 5, site.col(5, "1001"), "site.releaseMarginKw",
                "must be below serviceCapacityKw (1000), got 1001");
    }

    @Test
    void releaseMarginMustExceedMargin() throws IOException {
        site.set(5, "  releaseMarginKw: 50");
        assertOneError(5, "50", "site.releaseMarginKw", "must be greater than marginKw (50)");
    }

    @Test
    void negativeMinRun() throws IOException {
        site.set(26, "    engine: { minRunS: -1 }");
        assertOneError(26, "-1", "chillers[0].engine.minRunS", "must be between 0 and 86400, got -1");
    }

    @Test
    void pollPeriodBelow100Ms() throws IOException {
        site.set(11, "    pollPeriodMs: 50");
        assertOneError(11, "50", "devices[0].pollPeriodMs", "must be between 100 and 3600000, got 50");
    }

    @Test
    void cyclePeriodOutOfRange() throws IOException {
        site.set(7, "  periodMs: 20000");
        assertOneError(7, "20000", "control.periodMs", "must be between 100 and 10000, got 20000");
    }

    @Test
    void spikeReserveIsReadAndCanBeTurnedOff() throws Exception {
        site.set(7, "  spikeMemoryS: 0");
        assertThat(SiteConfigLoader.load(site.write(), NO_ENV).control().spikeMemoryS()).isZero();
        site.set(7, "  spikeSpanS: 20");
        assertThat(SiteConfigLoader.load(site.write(), NO_ENV).control().spikeSpanS()).isEqualTo(20);
    }

    @Test
    void spikeSpanOutOfRange() throws IOException {
        site.set(7, "  spikeSpanS: 0");
        assertOneError(7, "0", "control.spikeSpanS", "must be between 1 and 600, got 0");
    }

    @Test
    void overrideLongerThanADay() throws IOException {
        site.set(7, "  overrideMaxS: 90000");
        assertOneError(7, "90000", "control.overrideMaxS", "must be between 60 and 86400, got 90000");
    }

    @Test
    void duplicateDeviceId() throws IOException {
        site.set(13, "  - id: ch1");
        List<ConfigError> errors = errors();
        String file = dir.resolve("site.yaml").toString();
        // the duplicate is dropped, so the meter reference to 'meter' dangles too
        assertThat(errors).hasSize(2);
        assertError(errors.get(0), file, 13, site.col(13, "ch1"), "devices[1].id",
                "duplicate device id 'ch1' (first at line 9)");
        assertError(errors.get(1), file, 21, site.col(21, "meter/power"), "meters.site", "undefined device 'meter'");
    }

    @Test
    void duplicateChillerId() throws IOException {
        site.set(26, "  - { id: c1, device: gw, capacityTons: 100 }");
        assertOneError(26, "c1", "chillers[1].id", "duplicate chiller id 'c1' (first at line 23)");
    }

    @Test
    void twoChillersOnOneDevice() throws IOException {
        site.set(26, "  - { id: c2, device: ch1, capacityTons: 100 }");
        assertOneError(26, "ch1", "chillers[1].device", "device 'ch1' is already chiller 'c1' (line 23)");
    }

    @Test
    void undefinedDevice() throws IOException {
        site.set(24, "    device: ch9");
        assertOneError(24, "ch9", "chillers[0].device", "undefined device 'ch9' (devices: ch1, meter, gw)");
    }

    @Test
    void undefinedProfile() throws IOException {
        site.set(10, "    profile: nope");
        assertOneError(10, "nope", "devices[0].profile", "unknown profile 'nope' (profiles in ");
    }

    @Test
    void chillerProfileLacksRequiredPoints() throws IOException {
        site.set(10, "    profile: test-chiller-lite");
        assertOneError(24, "ch1", "chillers[0].device", "profile 'test-chiller-lite' of device 'ch1' lacks the "
                + "points a chiller needs: heartbeat, drive_mode_status, cooling_load, engine_ready, engine_running, "
                + "engine_start_failed, gas_pressure_low, fault");
    }

    @Test
    void chillerCommandPointsMustBeWritable() throws IOException {
        site.set(10, "    profile: test-chiller-ro");
        assertOneError(24, "ch1", "chillers[0].device",
                "must declare these points writable for a chiller: drive_mode_cmd, heartbeat");
    }

    @Test
    void chillerDeviceMustHaveAChillerProfile() throws IOException {
        site.set(24, "    device: meter");
        assertOneError(24, "meter", "chillers[0].device",
                "device 'meter' uses profile 'test-meter' of kind meter; a chiller needs a profile of kind chiller");
    }

    @Test
    void blendNeedsAnEngineShareCommand() throws Exception {
        site.set(26, "    blend: true");
        assertOneError(26, "true", "chillers[0].blend", "lacks the points blend needs: engine_share_cmd");
        site.set(10, "    profile: test-chiller-blend");
        assertThat(SiteConfigLoader.load(site.write(), NO_ENV).chiller("c1").orElseThrow().blend()).isTrue();
    }

    @Test
    void meterPointMustBeInItsProfile() throws IOException {
        site.set(21, "  site: meter/nope");
        assertOneError(21, "meter/nope", "meters.site", "profile 'test-meter' of device 'meter' has no point 'nope'");
    }

    @Test
    void meterPointMustBeInKilowatts() throws IOException {
        site.set(21, "  site: meter/power_w");
        assertOneError(21, "meter/power_w", "meters.site", "point 'power_w' is in 'W'; the cap is in kW");
    }

    @Test
    void meterReferenceNeedsDeviceAndPoint() throws IOException {
        site.set(21, "  site: meter");
        assertOneError(21, "meter", "meters.site", "expected DEVICE/POINT");
    }

    @Test
    void meterPolledSlowerThanItsMaxAge() throws IOException {
        site.set(15, "    pollPeriodMs: 5000");
        assertOneError(15, "5000", "devices[1].pollPeriodMs", "would always be older than control.meterMaxAgeMs");
    }

    @Test
    void gridDeviceMustCarryGridPoints() throws IOException {
        site.set(18, "    profile: test-grid-lite");
        assertOneError(29, "gw", "grid.device", "lacks the points a grid gateway needs: price_electricity, "
                + "price_gas, outage");
    }

    @Test
    void gridKeysOfAnotherSourceAreErrors() throws IOException {
        site.set(28, "  source: none");
        assertOneError(29, "gw", "grid.device", "only used with source: modbus");
    }

    @Test
    void mqttPrincipalWithUnknownCommand() throws IOException {
        site.set(33, "    bms: [override, reboot]");
        assertOneError(33, "reboot", "mqtt.principals.bms[1]",
                "unknown command 'reboot' (known: override, cap, mode, rebirth)");
    }

    @Test
    void mqttUrlMustNotCarryCredentials() throws IOException {
        site.set(31, "  url: tcp://admin:hunter2@127.0.0.1:1883");
        assertOneError(31, "tcp://", "mqtt.url", "put credentials in username and password");
        assertThat(errors().get(0).toString()).doesNotContain("hunter2");
    }

    @Test
    void connectionMustMatchTheProfileProtocol() throws IOException {
        site.set(12, "    connection: { type: bacnet-ip, host: 127.0.0.1, deviceInstance: 5 }");
        assertOneError(12, "bacnet-ip", "devices[0].connection.type",
                "profile 'test-chiller' speaks modbus; use a modbus-tcp, modbus-rtu-over-tcp or modbus-rtu connection");
    }

    @Test
    void unsafeShutdownPosture() throws IOException {
        site.add("shutdown: { posture: engine }");
        assertOneError(36, "engine", "shutdown.posture", "must be local or motor");
    }

    @Test
    void profileErrorsAreReportedWithTheSite() throws IOException {
        String point = "  - { name: power, table: input, address: 0, type: float32, unit: kW, writable: true }";
        Files.writeString(site.profiles.resolve("test-meter.yaml"), "name: test-meter\nprotocol: modbus\nkind: meter\n"
                + "addressing: 0-based\npoints:\n" + point + "\n");
        List<ConfigError> errors = errors();
        int column = point.indexOf("true") + 1;
        assertThat(errors).extracting(ConfigError::toString).containsExactly(
                site.profiles.resolve("test-meter.yaml") + ":6:" + column + ": points[0].writable: a input point is read-only "
                        + "in Modbus; only holding and coil points can be writable");
    }

    @Test
    void explicitProfilesDirMustExist() throws IOException {
        site.add("profilesDir: no-such-dir");
        assertOneError(36, "no-such-dir", "profilesDir", "profile directory " + dir.resolve("no-such-dir")
                + " does not exist");
    }

    @Test
    void missingFileIsReported() {
        Path missing = dir.resolve("missing.yaml");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SiteConfigLoader.load(missing, NO_ENV));
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).toString()).startsWith(missing + ":1:1: (document): cannot read file");
    }

    @Test
    void everyErrorOfOneFileInOneRun() throws IOException {
        site.set(3, "  serviceCapacityKw: -5")
                .set(7, "  perodMs: 1000")
                .set(11, "    pollPeriodMs: 50")
                .set(24, "    device: ch9")
                .set(26, "    engine: { minRunS: -1 }")
                .set(33, "    bms: [override, reboot]");
        List<ConfigError> errors = errors();
        assertThat(errors).extracting(e -> e.line() + ":" + e.column() + " " + e.path()).containsExactly(
                "3:" + site.col(3, "-5") + " site.serviceCapacityKw",
                "7:" + site.col(7, "perodMs") + " control.perodMs",
                "11:" + site.col(11, "50") + " devices[0].pollPeriodMs",
                "24:" + site.col(24, "ch9") + " chillers[0].device",
                "26:" + site.col(26, "-1") + " chillers[0].engine.minRunS",
                "33:" + site.col(33, "reboot") + " mqtt.principals.bms[1]");
    }
}
