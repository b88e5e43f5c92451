package io.plantd.controller.config;

import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.GridPoints;
import io.plantd.drivers.profile.DeviceKind;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.ProfileLibrary;
import io.plantd.drivers.profile.Protocol;
import io.plantd.drivers.yaml.ConfigErrors;
import io.plantd.drivers.yaml.YamlValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks between sections: each device's profile exists and fits its connection, chillers,
 * meters and the grid feed name defined devices whose profiles carry the points plantd needs.
 */
final class ReferenceChecks {
    private final Map<String, DeviceSection.Entry> devices;
    private final Optional<ProfileLibrary> library;
    private final ConfigErrors errors;
    private final Map<String, DeviceProfile> profiles = new TreeMap<>();

    ReferenceChecks(Map<String, DeviceSection.Entry> devices, Optional<ProfileLibrary> library, ConfigErrors errors) {
        this.devices = devices;
        this.library = library;
        this.errors = errors;
    }

    /** Profiles used by the devices, by name: loaded (their errors reported) and matched to connections. */
    Map<String, DeviceProfile> resolveProfiles() {
        for (DeviceSection.Entry device : devices.values()) {
            Optional<YamlValue> node = device.profileNode();
            String name = device.config().profile();
            if (node.isEmpty() || name.isEmpty() || library.isEmpty()) {
                continue;
            }
            if (!library.get().contains(name)) {
                node.get().error("unknown profile '" + name + "' (profiles in " + library.get().directory() + ": "
                        + String.join(", ", library.get().names()) + ")");
                continue;
            }
            library.get().get(name, errors).ifPresent(p -> {
                profiles.put(name, p);
                checkProtocol(device, p);
            });
        }
        return profiles;
    }

    private void checkProtocol(DeviceSection.Entry device, DeviceProfile p) {
        Connection c = device.config().connection();
        if (c == null) {
            return;
        }
        boolean bacnet = c instanceof Connection.BacnetIp;
        if (bacnet != (p.protocol() == Protocol.BACNET)) {
            YamlValue at = device.connectionTypeNode().orElse(device.idNode());
            at.error("profile '" + p.name() + "' speaks " + p.protocol().name().toLowerCase(Locale.ROOT)
                    + (bacnet ? "; use a modbus-tcp, modbus-rtu-over-tcp or modbus-rtu connection"
                              : "; use a bacnet-ip connection"));
        }
    }

    void chillers(Map<String, ChillerSection.Entry> chillers) {
        Map<String, ChillerSection.Entry> byDevice = new HashMap<>();
        for (ChillerSection.Entry chiller : chillers.values()) {
            if (chiller.deviceNode().isEmpty()) {
                continue;
            }
            YamlValue at = chiller.deviceNode().get();
            String deviceId = chiller.config().device();
            ChillerSection.Entry other = byDevice.putIfAbsent(deviceId, chiller);
            if (other != null && !deviceId.isEmpty()) {
                at.error("device '" + deviceId + "' is already chiller '" + other.config().id() + "' (line "
                        + other.idNode().line() + ")");
            }
            profileOfDevice(deviceId, at).ifPresent(p -> {
                if (p.kind() != DeviceKind.CHILLER) {
                    at.error("device '" + deviceId + "' uses profile '" + p.name() + "' of kind "
                            + kind(p) + "; a chiller needs a profile of kind chiller");
                    return;
                }
                requirePoints(at, deviceId, p, ChillerPoints.REQUIRED, ChillerPoints.WRITABLE, "a chiller");
                chiller.blendNode().ifPresent(b -> requirePoints(b, deviceId, p,
                        List.of(ChillerPoints.ENGINE_SHARE_CMD), List.of(ChillerPoints.ENGINE_SHARE_CMD), "blend"));
            });
        }
    }

    void meters(MeterSection.Result meters, long meterMaxAgeMs) {
        meters.site().ifPresent(ref -> meter(ref, meterMaxAgeMs));
        meters.it().ifPresent(ref -> meter(ref, meterMaxAgeMs));
    }

    private void meter(MeterSection.Ref ref, long meterMaxAgeMs) {
        String deviceId = ref.point().device();
        profileOfDevice(deviceId, ref.node()).ifPresent(p -> {
            Optional<PointDef> point = p.point(ref.point().point());
            if (point.isEmpty()) {
                ref.node().error("profile '" + p.name() + "' of device '" + deviceId + "' has no point '"
                        + ref.point().point() + "'");
            } else if (!point.get().unit().equals("kW")) {
                ref.node().error("point '" + ref.point().point() + "' is in '" + point.get().unit()
                        + "'; the cap is in kW, so a meter point must have unit kW (scale W by 0.001 in the profile)");
            }
        });
        DeviceSection.Entry device = devices.get(deviceId);
        if (device != null && device.config().pollPeriodMs() >= meterMaxAgeMs) {
            device.pollNode().orElse(device.idNode()).error("meter device is polled every "
                    + device.config().pollPeriodMs() + " ms, so its readings would always be older than "
                    + "control.meterMaxAgeMs (" + meterMaxAgeMs + " ms)");
        }
    }

    void grid(GridSection.Result grid, MqttConfig mqtt) {
        grid.deviceNode().ifPresent(at -> {
            String deviceId = grid.config().device().orElse("");
            profileOfDevice(deviceId, at).ifPresent(p -> {
                if (p.kind() != DeviceKind.GRID_GATEWAY) {
                    at.error("device '" + deviceId + "' uses profile '" + p.name() + "' of kind " + kind(p)
                            + "; the grid feed needs a profile of kind grid-gateway");
                    return;
                }
                requirePoints(at, deviceId, p, GridPoints.REQUIRED, List.of(), "a grid gateway");
            });
        });
        grid.topicNode().filter(t -> !mqtt.enabled())
                .ifPresent(t -> t.error("source: mqtt needs the mqtt section enabled"));
    }

    /** The profile of a defined device; reports an undefined device at {@code at}. */
    private Optional<DeviceProfile> profileOfDevice(String deviceId, YamlValue at) {
        if (deviceId.isEmpty()) {
            return Optional.empty();
        }
        DeviceSection.Entry device = devices.get(deviceId);
        if (device == null) {
            at.error("undefined device '" + deviceId + "' (devices: " + String.join(", ", devices.keySet()) + ")");
            return Optional.empty();
        }
        return Optional.ofNullable(profiles.get(device.config().profile()));
    }

    private static void requirePoints(YamlValue at, String deviceId, DeviceProfile p, List<String> required,
                                      List<String> writable, String role) {
        List<String> missing = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        for (String name : required) {
            Optional<PointDef> point = p.point(name);
            if (point.isEmpty()) {
                missing.add(name);
            } else if (writable.contains(name) && !point.get().writable()) {
                readOnly.add(name);
            }
        }
        if (!missing.isEmpty()) {
            at.error("profile '" + p.name() + "' of device '" + deviceId + "' lacks the points " + role
                    + " needs: " + String.join(", ", missing));
        }
        if (!readOnly.isEmpty()) {
            at.error("profile '" + p.name() + "' of device '" + deviceId + "' must declare these points writable for "
                    + role + ": " + String.join(", ", readOnly));
        }
    }

    private static String kind(DeviceProfile p) {
        return p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
