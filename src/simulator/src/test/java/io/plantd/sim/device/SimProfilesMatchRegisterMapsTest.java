package io.plantd.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.yaml.ConfigErrors;
import io.plantd.drivers.yaml.YamlDocument;
import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped profiles in config/profiles describe exactly the registers the simulator serves,
 * and declare exactly the point names plantd's controller uses.
 */
class SimProfilesMatchRegisterMapsTest {
    static Path profiles() {
        return Path.of(System.getProperty("plantd.root", "../.."), "config", "profiles");
    }

    static List<SimPoint> table(String kind) {
        return switch (kind) {
            case "chiller" -> RegisterMaps.CHILLER;
            case "meter" -> RegisterMaps.METER;
            default -> RegisterMaps.GRID;
        };
    }

    static List<String> names(String kind) {
        return switch (kind) {
            case "chiller" -> PointNames.Chiller.ALL;
            case "meter" -> PointNames.Meter.ALL;
            default -> PointNames.Grid.ALL;
        };
    }

    @ParameterizedTest
    @CsvSource({"sim-hybrid-chiller,chiller", "sim-site-meter,meter", "sim-grid-gateway,grid-gateway"})
    void profileYamlMatchesTheJavaRegisterTable(String name, String kind) {
        ConfigErrors errors = new ConfigErrors();
        YamlValue root = YamlDocument.load(profiles().resolve(name + ".yaml"), errors).orElseThrow();
        YamlMap m = root.asMap();
        assertThat(m.requiredString("name")).isEqualTo(name);
        assertThat(m.requiredString("protocol")).isEqualTo("modbus");
        assertThat(m.requiredString("kind")).isEqualTo(kind);
        assertThat(m.requiredString("addressing")).isEqualTo("0-based");
        YamlMap defaults = m.required("defaults").orElseThrow().asMap();
        assertThat(defaults.string("order", "ABCD")).isEqualTo("ABCD");
        List<String> declared = new ArrayList<>();
        List<SimPoint> expected = table(kind);
        List<YamlValue> points = m.required("points").orElseThrow().asList();
        assertThat(points).hasSameSizeAs(expected);
        for (int i = 0; i < points.size(); i++) {
            YamlMap p = points.get(i).asMap();
            String pointName = p.requiredString("name");
            declared.add(pointName);
            SimPoint sp = expected.stream().filter(e -> e.name().equals(pointName)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " declares " + pointName + " which is not served"));
            assertThat(p.requiredString("table")).as(pointName).isEqualTo(sp.table().name().toLowerCase(Locale.ROOT));
            assertThat(p.requiredInteger("address", 0, 65535)).as(pointName).isEqualTo(sp.address());
            assertThat(p.requiredString("type")).as(pointName).isEqualTo(sp.type().name().toLowerCase(Locale.ROOT));
            assertThat(p.string("unit", "")).as(pointName).isEqualTo(sp.unit());
            assertThat(p.bool("writable", false)).as(pointName).isEqualTo(sp.writable());
            assertThat(p.requiredNumber("min", -1e12, 1e12)).as(pointName).isEqualTo(sp.min());
            assertThat(p.requiredNumber("max", -1e12, 1e12)).as(pointName).isEqualTo(sp.max());
            assertThat(p.string("order", "ABCD")).as(pointName).isEqualTo("ABCD");
        }
        assertThat(errors.list()).isEmpty();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(names(kind));
    }

    @org.junit.jupiter.api.Test
    void chillerDeclaresTheControllersRequiredAndWritablePoints() {
        List<String> writable = RegisterMaps.CHILLER.stream().filter(SimPoint::writable).map(SimPoint::name).toList();
        assertThat(writable).containsExactlyInAnyOrder("drive_mode_cmd", "engine_share_cmd", "heartbeat");
        assertThat(PointNames.Chiller.ALL).containsAll(PointNames.Chiller.REQUIRED);
        assertThat(PointNames.Grid.ALL).containsAll(PointNames.Grid.REQUIRED);
    }

    @org.junit.jupiter.api.Test
    void registersDoNotOverlap() {
        for (List<SimPoint> map : List.of(RegisterMaps.CHILLER, RegisterMaps.METER, RegisterMaps.GRID)) {
            for (SimPoint a : map) {
                for (SimPoint b : map) {
                    if (a != b && a.table() == b.table()) {
                        boolean overlap = a.address() < b.address() + b.width() && b.address() < a.address() + a.width();
                        assertThat(overlap).as(a.name() + " vs " + b.name()).isFalse();
                    }
                }
            }
        }
    }
}
