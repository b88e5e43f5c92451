package io.plantd.controller.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small valid site in a temp directory with its own {@code profiles/}. Tests change one line
 * (numbered from 1 as in error messages) to introduce one mistake.
 */
final class SiteFixture {
    static final List<String> SITE = List.of(
            "site:",                                                                  // 1
            "  id: s1",                                                               // 2
            "  serviceCapacityKw: 1000",                                              // 3
            "  marginKw: 50",                                                         // 4
            "  releaseMarginKw: 100",                                                 // 5
            "control:",                                                               // 6
            "  periodMs: 1000",                                                       // 7
            "devices:",                                                               // 8
            "  - id: ch1",                                                            // 9
            "    profile: test-chiller",                                              // 10
            "    pollPeriodMs: 1000",                                                 // 11
            "    connection: { type: modbus-tcp, host: 127.0.0.1, port: 1502 }",      // 12
            "  - id: meter",                                                          // 13
            "    profile: test-meter",                                                // 14
            "    pollPeriodMs: 500",                                                  // 15
            "    connection: { type: modbus-tcp, host: 127.0.0.1, port: 1503 }",      // 16
            "  - id: gw",                                                             // 17
            "    profile: test-grid",                                                 // 18
            "    connection: { type: modbus-tcp, host: 127.0.0.1, port: 1504 }",      // 19
            "meters:",                                                                // 20
            "  site: meter/power",                                                    // 21
            "chillers:",                                                              // 22
            "  - id: c1",                                                             // 23
            "    device: ch1",                                                        // 24
            "    capacityTons: 500",                                                  // 25
            "    engine: { minRunS: 900 }",                                           // 26
            "grid:",                                                                  // 27
            "  source: modbus",                                                       // 28
            "  device: gw",                                                           // 29
            "mqtt:",                                                                  // 30
            "  url: tcp://127.0.0.1:1883",                                            // 31
            "  principals:",                                                          // 32
            "    bms: [override, cap]",                                               // 33
            "logging:",                                                               // 34
            "  level: info");                                                         // 35

    static final String CHILLER_POINTS = String.join("\n",
            "  - { name: drive_mode_cmd, table: holding, address: 0, type: uint16, writable: true }",
            "  - { name: heartbeat, table: holding, address: 1, type: uint16, writable: true }",
            "  - { name: drive_mode_status, table: input, address: 0, type: uint16 }",
            "  - { name: engine_ready, table: input, address: 1, type: bool, bit: 0 }",
            "  - { name: engine_running, table: input, address: 1, type: bool, bit: 1 }",
            "  - { name: engine_start_failed, table: input, address: 1, type: bool, bit: 2 }",
            "  - { name: gas_pressure_low, table: input, address: 1, type: bool, bit: 3 }",
            "  - { name: fault, table: input, address: 1, type: bool, bit: 4 }",
            "  - { name: motor_power, table: input, address: 2, type: float32, unit: kW }",
            "  - { name: cooling_load, table: input, address: 4, type: float32, unit: ton }");

    final Path dir;
    final Path profiles;
    final List<String> lines = new ArrayList<>(SITE);

    SiteFixture(Path dir) throws IOException {
        this.dir = dir;
        this.profiles = Files.createDirectories(dir.resolve("profiles"));
        profile("test-chiller", "chiller", CHILLER_POINTS);
        profile("test-chiller-blend", "chiller", CHILLER_POINTS + "\n"
                + "  - { name: engine_share_cmd, table: holding, address: 2, type: uint16, writable: true }");
        profile("test-chiller-lite", "chiller", String.join("\n",
                "  - { name: drive_mode_cmd, table: holding, address: 0, type: uint16, writable: true }",
                "  - { name: motor_power, table: input, address: 2, type: float32, unit: kW }"));
        profile("test-chiller-ro", "chiller", CHILLER_POINTS.replace("writable: true", "writable: false"));
        profile("test-meter", "meter", String.join("\n",
                "  - { name: power, table: holding, address: 0, type: float32, unit: kW }",
                "  - { name: power_w, table: holding, address: 2, type: float32, unit: W }"));
        profile("test-grid", "grid-gateway", String.join("\n",
                "  - { name: event_level, table: input, address: 0, type: uint16 }",
                "  - { name: price_electricity, table: input, address: 1, type: float32 }",
                "  - { name: price_gas, table: input, address: 3, type: float32 }",
                "  - { name: outage, table: input, address: 5, type: bool }"));
        Files.writeString(profiles.resolve("test-bacnet.yaml"), "name: test-bacnet\nprotocol: bacnet\nkind: other\n"
                + "points:\n  - { name: temp, object: analog-input, instance: 1, unit: degC }\n");
        profile("test-grid-lite", "grid-gateway",
                "  - { name: event_level, table: input, address: 0, type: uint16 }");
    }

    void profile(String name, String kind, String points) throws IOException {
        Files.writeString(profiles.resolve(name + ".yaml"), "name: " + name + "\nprotocol: modbus\nkind: " + kind
                + "\naddressing: 0-based\npoints:\n" + points + "\n");
    }

    /** Replaces line {@code n} (1-based). */
    SiteFixture set(int n, String line) {
        lines.set(n - 1, line);
        return this;
    }

    SiteFixture add(String line) {
        lines.add(line);
        return this;
    }

    String line(int n) {
        return lines.get(n - 1);
    }

    /** Column (1-based) where {@code token} starts on line {@code n}: computed from the text, not the loader. */
    int col(int n, String token) {
        int i = line(n).indexOf(token);
        if (i < 0) {
            throw new IllegalArgumentException("'" + token + "' not on line " + n + ": " + line(n));
        }
        return i + 1;
    }

    Path write() throws IOException {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }
}
