package io.plantd.sim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.ChillerSpec;
import io.plantd.sim.model.DriveCode;
import io.plantd.sim.model.PlantModel;
import io.plantd.sim.model.Weather;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SimDevice#readAt} is {@link SimDevice#read(String)} by position, for every point and state. */
class ReadAtMatchesReadByNameTest {
    @Test
    void everyPositionReadsTheNamedPointThroughAStartAFaultAndAGridEvent() {
        PlantModel plant = new PlantModel(
                List.of(ChillerSpec.of("ch1", 500, 0.6, 120), ChillerSpec.of("ch2", 500, 0.6, 120)),
                s -> 2800.0 + (s % 7), new Weather(30, 3, 15, 0, 0), 0.1, 100, 10_000, 1, 5);
        SimDevices devices = new SimDevices(plant);
        double t = 1_780_000_000;
        plant.stepSeconds(t, 0);
        ChillerModel ch1 = plant.chiller("ch1");
        ChillerModel ch2 = plant.chiller("ch2");
        int checked = 0;
        for (int s = 1; s <= 400; s++) {
            ch1.writeHeartbeat(s);
            ch2.writeHeartbeat(s);
            if (s == 5) {
                ch1.writeDriveMode(DriveCode.ENGINE);
                ch2.writeEngineSharePct(40);
                ch2.writeDriveMode(DriveCode.BLEND);
                plant.grid().setEventLevel(2);
                plant.grid().setCapLimitKw(4000);
                plant.grid().setEventStartEpochS((long) t + 60);
                plant.grid().setEventEndEpochS((long) t + 600);
            }
            if (s == 300) {
                ch2.setGasLoss(true);
                plant.meter().setWordOrderFault(true);
            }
            t += 1;
            plant.stepSeconds(t, 1);
            for (SimDevice d : devices.all()) {
                List<SimPoint> points = d.points();
                for (int i = 0; i < points.size(); i++) {
                    assertThat(Double.doubleToRawLongBits(d.readAt(i)))
                            .as("%s %s at %d s", d.id(), points.get(i).name(), s)
                            .isEqualTo(Double.doubleToRawLongBits(d.read(points.get(i).name())));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(400 * (3 + 8 + 2 * 13));
        assertThat(ch1.starts()).isEqualTo(1);
    }

    @Test
    void aPositionPastTheLastPointIsRefused() {
        PlantModel plant = new PlantModel(List.of(ChillerSpec.of("ch1", 500, 0.6, 120)), s -> 1000.0,
                new Weather(30, 0, 15, 0, 0), 0.1, 100, 10_000, 1, 0);
        for (SimDevice d : new SimDevices(plant).all()) {
            assertThatThrownBy(() -> d.readAt(d.points().size())).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }
}
