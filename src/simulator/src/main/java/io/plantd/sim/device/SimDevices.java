package io.plantd.sim.device;

import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.PlantModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Every simulated device of a plant, in serving order: meter, grid gateway, then the chillers. */
public final class SimDevices {
    private final List<SimDevice> devices;

    public SimDevices(PlantModel plant) {
        List<SimDevice> list = new ArrayList<>();
        list.add(new MeterDevice(plant));
        list.add(new GridDevice(plant));
        for (ChillerModel c : plant.chillers()) {
            list.add(new ChillerDevice(plant, c));
        }
        this.devices = Collections.unmodifiableList(list);
    }

    public List<SimDevice> all() {
        return devices;
    }

    public Optional<SimDevice> byId(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
