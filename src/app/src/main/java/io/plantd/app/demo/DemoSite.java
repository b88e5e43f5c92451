package io.plantd.app.demo;

import io.plantd.controller.config.Connection;
import io.plantd.controller.config.DeviceConfig;
import io.plantd.controller.config.LoggingConfig;
import io.plantd.controller.config.MetricsConfig;
import io.plantd.controller.config.MqttConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.sim.bacnet.BacnetEndpoint;
import io.plantd.sim.modbus.DeviceEndpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's site config: the shipped, validated {@code sim-demo.yaml} (or another sim site) pointed
 * at the ports the simulator and broker actually bound, with state and decision log in the demo's
 * own folder. A device the simulator serves over BACnet/IP keeps its connection settings but
 * takes the bound UDP port and device instance.
 */
public final class DemoSite {
    private DemoSite() {
    }

    public static SiteConfig bind(SiteConfig config, List<DeviceEndpoint> endpoints, List<BacnetEndpoint> bacnet,
                                  String brokerUrl, int metricsPort, Path stateDir) {
        Map<String, DeviceEndpoint> byId = endpoints.stream()
                .collect(Collectors.toMap(DeviceEndpoint::deviceId, Function.identity()));
        Map<String, BacnetEndpoint> bacnetById = bacnet.stream()
                .collect(Collectors.toMap(BacnetEndpoint::deviceId, Function.identity()));
        List<DeviceConfig> devices = config.devices().stream().map(d -> {
            BacnetEndpoint b = bacnetById.get(d.id());
            if (b != null && d.connection() instanceof Connection.BacnetIp c) {
                Connection bound = new Connection.BacnetIp(b.host(), b.port(), b.deviceInstance(), c.timeoutMs(),
                        c.retries(), c.network(), c.macAddress());
                String bus = d.bus().equals(c.defaultBus()) ? bound.defaultBus() : d.bus();
                return new DeviceConfig(d.id(), d.profile(), bound, d.pollPeriodMs(), bus);
            }
            DeviceEndpoint e = byId.get(d.id());
            if (e == null || !(d.connection() instanceof Connection.ModbusTcp c)) {
                throw new IllegalArgumentException("the simulator serves no device '" + d.id() + "'");
            }
            Connection bound = new Connection.ModbusTcp(e.host(), e.port(), e.unitId(), c.timeoutMs(), c.retries(),
                    c.maxRegistersPerRead(), c.rtuOverTcp());
            String bus = d.bus().equals(c.defaultBus()) ? bound.defaultBus() : d.bus();
            return new DeviceConfig(d.id(), d.profile(), bound, d.pollPeriodMs(), bus);
        }).toList();
        MqttConfig m = config.mqtt();
        MqttConfig mqtt = new MqttConfig(true, brokerUrl, m.clientId(), m.username(), m.password(), m.tls(),
                m.principals(), m.keepAliveS(), m.maxReconnectDelayS());
        LoggingConfig l = config.logging();
        LoggingConfig logging = new LoggingConfig(l.level(), stateDir.resolve("decisions.jsonl"), l.decisionLogMaxBytes(),
                l.decisionLogMaxFiles());
        return new SiteConfig(config.file(), config.site(), config.control(), devices, config.profiles(),
                config.meters(), config.chillers(), config.grid(), mqtt,
                new MetricsConfig(true, config.metrics().bind(), metricsPort), logging, config.shutdown(), stateDir);
    }
}
