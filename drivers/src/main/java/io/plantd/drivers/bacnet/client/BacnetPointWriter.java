package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.api.PointWriter;
import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.point.PointId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@link PointWriter} over BACnet devices. Each write runs on the executor of its device (the
 * same one that polls it), so the control cycle never blocks on the network.
 */
public final class BacnetPointWriter implements PointWriter {
    private final Map<String, BacnetDevice> devices;
    private final Map<String, Executor> executors;

    public BacnetPointWriter(Map<String, BacnetDevice> devices, Map<String, Executor> executors) {
        this.devices = Map.copyOf(devices);
        this.executors = Map.copyOf(executors);
        for (String id : this.devices.keySet()) {
            if (!this.executors.containsKey(id)) {
                throw new IllegalArgumentException("no executor for BACnet device " + id);
            }
        }
    }

    @Override
    public CompletableFuture<WriteResult> write(PointId point, double value) {
        BacnetDevice device = devices.get(point.device());
        if (device == null) {
            return CompletableFuture.completedFuture(WriteResult.failed(point, value,
                    "no BACnet device " + point.device()));
        }
        return CompletableFuture.supplyAsync(() -> device.write(point.point(), value), executors.get(point.device()));
    }
}
