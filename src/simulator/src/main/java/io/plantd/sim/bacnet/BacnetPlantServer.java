package io.plantd.sim.bacnet;

import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.sim.device.SimDevice;
import io.plantd.sim.scenario.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Serves some of the plant's chillers as BACnet/IP devices, each on its own UDP port, bound to
 * the plant model through a {@link BacnetDeviceBinding}. The counterpart of the Modbus server:
 * {@link #applyWrites()} before each step, {@link #publish()} after it, on the simulation thread.
 */
public final class BacnetPlantServer implements AutoCloseable {
    private record Served(BacnetDeviceBinding binding, SimulatedBacnetDevice device, BacnetEndpoint endpoint) {
    }

    private final List<Served> served = new ArrayList<>();

    private BacnetPlantServer() {
    }

    /**
     * Opens one device per entry of {@code serve} (keyed by device id); {@code port} maps a
     * configured port to the one to bind (the runner's ephemeral-port override). Fails, closing
     * whatever it opened, when a port cannot be bound.
     */
    public static BacnetPlantServer start(List<SimDevice> devices, String host, Map<String, Scenario.BacnetServe> serve,
                                          IntUnaryOperator port) throws IOException {
        BacnetPlantServer server = new BacnetPlantServer();
        DeviceProfile profile = BacnetChillerProfile.profile();
        try {
            InetAddress address = InetAddress.getByName(host);
            for (SimDevice d : devices) {
                Scenario.BacnetServe s = serve.get(d.id());
                if (s == null) {
                    continue;
                }
                BacnetDeviceBinding binding = BacnetDeviceBinding.create(d, profile, s.deviceInstance());
                SimulatedBacnetDevice device;
                try {
                    device = SimulatedBacnetDevice.start(binding.table(),
                            new InetSocketAddress(address, port.applyAsInt(s.port())));
                } catch (IOException e) {
                    throw new IOException("cannot serve " + d.id() + " over BACnet/IP on " + host + ":" + s.port()
                            + ": " + e.getMessage(), e);
                }
                server.served.add(new Served(binding, device, new BacnetEndpoint(d.id(), profile.name(), host,
                        device.address().getPort(), s.deviceInstance())));
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.publish();
        return server;
    }

    public List<BacnetEndpoint> endpoints() {
        return served.stream().map(Served::endpoint).toList();
    }

    /** The object table serving {@code deviceId} (tests and inspection). */
    public java.util.Optional<BacnetObjectTable> table(String deviceId) {
        return served.stream().filter(s -> s.endpoint().deviceId().equals(deviceId))
                .map(s -> s.binding().table()).findFirst();
    }

    /** Hands every device its effective commands. Simulation thread. */
    public int applyWrites() {
        int n = 0;
        for (Served s : served) {
            n += s.binding().applyCommands();
        }
        return n;
    }

    /** Copies the model's measurements into the objects. Simulation thread. */
    public void publish() {
        for (Served s : served) {
            s.binding().publish(s.device());
        }
    }

    @Override
    public void close() {
        for (Served s : served) {
            s.device().close();
        }
    }
}
