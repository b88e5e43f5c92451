package io.plantd.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.GridPoints;
import io.plantd.sim.device.PointNames;
import io.plantd.sim.model.DriveCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator copies the controller's point names and drive-mode codes (it must not depend on
 * the controller); this test, which sees both modules, keeps the copies honest.
 */
class SimPointNamesMatchControllerTest {
    static List<String> stringConstants(Class<?> type) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                out.add((String) f.get(null));
            }
        }
        return out;
    }

    @Test
    void chillerNamesMatch() throws Exception {
        assertThat(PointNames.Chiller.ALL).containsExactlyInAnyOrderElementsOf(stringConstants(ChillerPoints.class));
        assertThat(PointNames.Chiller.REQUIRED).containsExactlyElementsOf(ChillerPoints.REQUIRED);
        assertThat(PointNames.Chiller.WRITABLE).containsAll(ChillerPoints.WRITABLE);
    }

    @Test
    void gridNamesMatch() throws Exception {
        assertThat(PointNames.Grid.ALL).containsExactlyInAnyOrderElementsOf(stringConstants(GridPoints.class));
        assertThat(PointNames.Grid.REQUIRED).containsExactlyElementsOf(GridPoints.REQUIRED);
    }

    @Test
    void driveCodesMatch() {
        assertThat(DriveCode.LOCAL).isEqualTo(DriveMode.LOCAL.code());
        assertThat(DriveCode.MOTOR).isEqualTo(DriveMode.MOTOR.code());
        assertThat(DriveCode.ENGINE).isEqualTo(DriveMode.ENGINE.code());
        assertThat(DriveCode.BLEND).isEqualTo(DriveMode.BLEND.code());
    }
}
