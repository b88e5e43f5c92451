package io.plantd.drivers.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
    @TempDir
    Path dir;

    /** Lines 1-5 of every test profile; points start on line 6. */
    private static final List<String> HEADER = List.of(
            "name: t",
            "protocol: modbus",
            "kind: other",
            "addressing: 0-based",
            "points:");

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static List<String> withPoints(String... pointLines) {
        List<String> lines = new ArrayList<>(HEADER);
        lines.addAll(Arrays.asList(pointLines));
        return lines;
    }

    private List<ConfigError> errors(List<String> lines) throws IOException {
        Path file = write("t", lines);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ProfileLoader.load(file));
        assertThat(e).as("expected errors").isNotNull();
        return e.errors();
    }

    private void assertOneError(List<String> lines, int line, int column, String path, String reason)
            throws IOException {
        List<ConfigError> errors = errors(lines);
        assertThat(errors).hasSize(1);
        ConfigError e = errors.get(0);
        assertThat(e.file()).isEqualTo(dir.resolve("t.yaml").toString());
        assertThat(e.line()).as("line of " + e).isEqualTo(line);
        assertThat(e.column()).as("column of " + e).isEqualTo(column);
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.reason()).contains(reason);
    }

    private DeviceProfile load(List<String> lines) throws Exception {
        return ProfileLoader.load(write("t", lines));
    }

    @Test
    void readsAValidProfileAndKeepsWireAddresses() throws Exception {
        DeviceProfile p = load(withPoints(
                "  - { name: a, table: holding, address: 10, type: float32, order: CDAB, unit: kW, scale: 0.001,",
                "      offset: 2, min: 0, max: 100, maxAgeMs: 2000, writable: true, description: first }",
                "  - { name: st, table: input, address: 3, type: uint16, bit: 4 }"));
        assertThat(p.name()).isEqualTo("t");
        assertThat(p.protocol()).isEqualTo(Protocol.MODBUS);
        PointDef a = p.point("a").orElseThrow();
        assertThat(a.modbus()).isEqualTo(new ModbusAddress(RegisterTable.HOLDING, 10, DataType.FLOAT32, WordOrder.CDAB,
                0.001, 2, null, -1));
        assertThat(a.unit()).isEqualTo("kW");
        assertThat(a.writable()).isTrue();
        assertThat(a.min()).isEqualTo(0);
        assertThat(a.max()).isEqualTo(100);
        assertThat(a.maxAgeMillis()).isEqualTo(2000);
        PointDef st = p.point("st").orElseThrow();
        assertThat(st.modbus().bit()).isEqualTo(4);
        assertThat(st.writable()).isFalse();
        assertThat(st.min()).isNaN();
        assertThat(st.maxAgeMillis()).isEqualTo(ProfileLoader.DEFAULT_MAX_AGE_MS);
    }

    @Test
    void oneBasedNumbersBecomeZeroBasedWireAddresses() throws Exception {
        List<String> lines = withPoints("  - { name: a, table: holding, address: 1, type: float32 }",
                "  - { name: b, table: coil, address: 65536 }");
        lines.set(3, "addressing: 1-based");
        lines.add("gaps: [ { table: holding, from: 10, to: 20 } ]");
        DeviceProfile p = load(lines);
        assertThat(p.point("a").orElseThrow().modbus().address()).isZero();
        assertThat(p.point("b").orElseThrow().modbus().address()).isEqualTo(65_535);
        assertThat(p.point("b").orElseThrow().modbus().type()).as("coils default to bool").isEqualTo(DataType.BOOL);
        assertThat(p.gaps()).containsExactly(new AddressRange(RegisterTable.HOLDING, 9, 19));
    }

    @Test
    void oneBasedAddressZeroIsOutOfRange() throws IOException {
        List<String> lines = withPoints("  - { name: a, table: holding, address: 0, type: uint16 }");
        lines.set(3, "addressing: 1-based");
        assertOneError(lines, 6, 41, "points[0].address", "must be between 1 and 65536, got 0");
    }

    @Test
    void defaultsApplyToEveryPoint() throws Exception {
        List<String> lines = withPoints("  - { name: a, address: 4, type: int32 }");
        lines.add("defaults: { table: input, order: DCBA, maxAgeMs: 60000 }");
        PointDef a = load(lines).point("a").orElseThrow();
        assertThat(a.modbus().table()).isEqualTo(RegisterTable.INPUT);
        assertThat(a.modbus().order()).isEqualTo(WordOrder.DCBA);
        assertThat(a.maxAgeMillis()).isEqualTo(60_000);
    }

    @Test
    void nameMustEqualFileName() throws IOException {
        List<String> lines = withPoints("  - { name: a, table: holding, address: 0, type: uint16 }");
        lines.set(0, "name: other");
        assertOneError(lines, 1, 7, "name", "must equal the file name 't', got 'other'");
    }

    @Test
    void unknownKeyIsAnError() throws IOException {
        List<String> lines = withPoints("  - { name: a, table: holding, address: 0, type: uint16, adress: 3 }");
        assertOneError(lines, 6, 58, "points[0].adress", "unknown key");
    }

    @Test
    void unknownTopLevelKeySuggestsTheRightOne() throws IOException {
        List<String> lines = withPoints("  - { name: a, table: holding, address: 0, type: uint16 }");
        lines.add("descripton: x");
        assertOneError(lines, 7, 1, "descripton", "did you mean 'description'?");
    }

    @Test
    void wrongTypeIsAnError() throws IOException {
        assertOneError(withPoints("  - { name: a, table: holding, address: 'ten', type: uint16 }"),
                6, 41, "points[0].address", "expected an integer, got 'ten'");
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() throws IOException {
        assertOneError(withPoints("  - { name: a, table: holding, address: 0, type: float32, order: ACBD }"),
                6, 66, "points[0].order", "expected one of [abcd, cdab, badc, dcba], got 'ACBD'");
    }

    @Test
    void missingRequiredFieldIsReportedAtItsMapping() throws IOException {
        assertOneError(withPoints("  - { name: a, address: 0, type: uint16 }"),
                6, 5, "points[0].table", "required field is missing");
    }

    @Test
    void missingAddressingIsReported() throws IOException {
        List<String> lines = withPoints("  - { name: a, table: holding, address: 0, type: uint16 }");
        lines.remove(3);
        assertOneError(lines, 1, 1, "addressing", "required field is missing");
    }

    @Test
    void coilAndDiscretePointsMustBeBool() throws IOException {
        assertOneError(withPoints("  - { name: a, table: discrete, address: 0, type: uint16 }"),
                6, 51, "points[0].type", "a discrete point is a single bit: type must be bool");
    }

    @Test
    void scaleFactorMustReferToADeclaredPoint() throws IOException {
        assertOneError(withPoints("  - { name: w, table: holding, address: 0, type: int16, scaleFactor: w_sf }"),
                6, 70, "points[0].scaleFactor", "refers to point 'w_sf', which this profile does not declare");
    }

    @Test
    void scaleFactorMustBeAnInt16() throws IOException {
        assertOneError(withPoints(
                "  - { name: w, table: holding, address: 0, type: int16, scaleFactor: w_sf }",
                "  - { name: w_sf, table: holding, address: 1, type: float32 }"),
                6, 70, "points[0].scaleFactor", "scale-factor point 'w_sf' must be an int16 register");
    }

    @Test
    void scaleFactorIsResolvedByName() throws Exception {
        DeviceProfile p = load(withPoints(
                "  - { name: w, table: holding, address: 0, type: int16, scaleFactor: w_sf }",
                "  - { name: w_sf, table: holding, address: 4, type: int16 }"));
        assertThat(p.point("w").orElseThrow().modbus().scaleFactorPoint()).isEqualTo("w_sf");
        assertThat(p.point("w_sf").orElseThrow().modbus().scaleFactorPoint()).isNull();
    }

    @Test
    void bitOnlyOnSixteenBitRegisters() throws IOException {
        assertOneError(withPoints("  - { name: a, table: input, address: 0, type: float32, bit: 3 }"),
                6, 62, "points[0].bit", "bit selects one bit of a 16-bit register; type float32 spans 2 registers");
    }

    @Test
    void bitMustBeZeroToFifteen() throws IOException {
        assertOneError(withPoints("  - { name: a, table: input, address: 0, type: uint16, bit: 16 }"),
                6, 61, "points[0].bit", "must be between 0 and 15, got 16");
    }

    @Test
    void bitsOfOneStatusRegisterMayShareIt() throws Exception {
        DeviceProfile p = load(withPoints(
                "  - { name: a, table: input, address: 1, type: bool, bit: 0 }",
                "  - { name: b, table: input, address: 1, type: bool, bit: 1 }"));
        assertThat(p.points()).hasSize(2);
    }

    @Test
    void sameBitTwiceOverlaps() throws IOException {
        assertOneError(withPoints(
                "  - { name: a, table: input, address: 1, type: bool, bit: 0 }",
                "  - { name: b, table: input, address: 1, type: bool, bit: 0 }"),
                7, 39, "points[1].address", "uses the same bit 0 as point 'a'");
    }

    @Test
    void overlappingRegistersAreAnError() throws IOException {
        assertOneError(withPoints(
                "  - { name: a, table: holding, address: 1, type: float32 }",
                "  - { name: b, table: holding, address: 2, type: uint16 }"),
                7, 41, "points[1].address", "overlaps point 'a' (holding 1..2)");
    }

    @Test
    void sameAddressInAnotherTableIsFine() throws Exception {
        assertThat(load(withPoints(
                "  - { name: a, table: holding, address: 1, type: float32 }",
                "  - { name: b, table: input, address: 1, type: float32 }")).points()).hasSize(2);
    }

    @Test
    void onlyHoldingAndCoilPointsCanBeWritable() throws IOException {
        assertOneError(withPoints("  - { name: a, table: input, address: 0, type: uint16, writable: true }"),
                6, 66, "points[0].writable", "a input point is read-only in Modbus");
    }

    @Test
    void minMustBeBelowMax() throws IOException {
        assertOneError(withPoints("  - { name: a, table: input, address: 0, type: uint16, min: 5, max: 5 }"),
                6, 69, "points[0].max", "max must be greater than min (5.0), got 5.0");
    }

    @Test
    void maxAgeMustBePositive() throws IOException {
        assertOneError(withPoints("  - { name: a, table: input, address: 0, type: uint16, maxAgeMs: 0 }"),
                6, 66, "points[0].maxAgeMs", "must be between 1 and 86400000, got 0");
    }

    @Test
    void pointsMustNotLieInsideAGap() throws IOException {
        List<String> lines = withPoints("  - { name: a, table: input, address: 11, type: float32 }");
        lines.add("gaps:");
        lines.add("  - { table: input, from: 12, to: 19 }");
        assertOneError(lines, 6, 39, "points[0].address", "lies inside the declared gap input 12..19 (line 8)");
    }

    @Test
    void pointNamesMustBeUnique() throws IOException {
        assertOneError(withPoints(
                "  - { name: a, table: input, address: 0, type: uint16 }",
                "  - { name: a, table: input, address: 1, type: uint16 }"),
                7, 13, "points[1].name", "duplicate point name 'a' (first at line 6)");
    }

    @Test
    void bacnetPointsAreCheckedToo() throws IOException {
        List<ConfigError> errors = errors(List.of(
                "name: t",
                "protocol: bacnet",
                "kind: chiller",
                "points:",
                "  - { name: a, object: analog-input, instance: 1, writable: true }",
                "  - { name: b, object: analogue-value, instance: 2 }",
                "  - { name: c, object: analog-value, instance: 3, priority: 17 }"));
        assertThat(errors).extracting(ConfigError::toString).containsExactly(
                dir.resolve("t.yaml") + ":5:61: points[0].writable: a analog-input is read-only; write to an output "
                        + "or value object",
                dir.resolve("t.yaml") + ":6:24: points[1].object: unknown BACnet object type 'analogue-value' (for "
                        + "example analog-value, binary-output, multi-state-value)",
                dir.resolve("t.yaml") + ":7:61: points[2].priority: must be between 1 and 16, got 17");
    }

    @Test
    void bacnetDefaultsToPresentValueAtPriorityTen() throws Exception {
        DeviceProfile p = ProfileLoader.load(write("t", List.of(
                "name: t", "protocol: bacnet", "kind: chiller", "points:",
                "  - { name: a, object: analog-value, instance: 7, writable: true }")));
        assertThat(p.point("a").orElseThrow().bacnet())
                .isEqualTo(new BacnetAddress("analog-value", 7, "present-value", -1, 10));
    }

    @Test
    void reportsEveryErrorOfAFileInOneRun() throws IOException {
        List<ConfigError> errors = errors(List.of(
                "name: t",
                "protocol: modbus",
                "kind: meeter",
                "addressing: 0-based",
                "points:",
                "  - { name: a, table: holding, address: -1, type: uint16 }",
                "  - { name: B, table: coil, address: 0, writable: yes }",
                "  - { name: c, table: input, address: 0, type: int16, scaleFactor: nope }"));
        assertThat(errors).extracting(e -> e.line() + ":" + e.column() + " " + e.path()).containsExactly(
                "3:7 kind",
                "6:41 points[0].address",
                "7:13 points[1].name",
                "7:51 points[1].writable",
                "8:68 points[2].scaleFactor");
    }

    @Test
    void emptyAndInvalidYamlAreReported() throws IOException {
        Path empty = write("t", List.of("# nothing"));
        ConfigException e1 = catchThrowableOfType(ConfigException.class, () -> ProfileLoader.load(empty));
        assertThat(e1.getMessage()).isEqualTo(empty + ":1:1: (document): the file is empty");
        Path broken = write("t", List.of("name: t", "points: [ {name: a"));
        ConfigException e2 = catchThrowableOfType(ConfigException.class, () -> ProfileLoader.load(broken));
        assertThat(e2.errors()).hasSize(1);
        assertThat(e2.errors().get(0).reason()).startsWith("invalid YAML");
    }

    @Test
    void libraryCollectsErrorsOfEveryProfile() throws IOException {
        write("good", List.of("name: good", "protocol: modbus", "kind: other", "addressing: 0-based",
                "points: [ { name: a, table: coil, address: 0 } ]"));
        write("bad1", List.of("name: bad1", "protocol: modbus", "kind: other", "addressing: 2-based",
                "points: [ { name: a, table: coil, address: 0 } ]"));
        write("bad2", List.of("name: bad2", "protocol: modbus", "kind: other", "addressing: 0-based",
                "points: []"));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ProfileLibrary.loadAll(dir));
        assertThat(e.errors()).extracting(ConfigError::toString).containsExactly(
                dir.resolve("bad1.yaml") + ":4:13: addressing: expected 0-based or 1-based, got '2-based'",
                dir.resolve("bad2.yaml") + ":5:9: points: a profile needs at least one point");
    }
}
