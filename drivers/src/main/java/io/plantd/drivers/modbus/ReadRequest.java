package io.plantd.drivers.modbus;

import io.plantd.drivers.profile.RegisterTable;
import java.util.List;

/** One read on the wire: {@code count} registers or bits of one table from {@code start}. */
public record ReadRequest(RegisterTable table, int start, int count, List<String> points) {
    public ReadRequest {
        points = List.copyOf(points);
    }

    public int end() {
        return start + count;
    }

    /** Modbus function code: 01 coils, 02 discrete inputs, 03 holding, 04 input registers. */
    public int functionCode() {
        return switch (table) {
            case COIL -> 1;
            case DISCRETE -> 2;
            case HOLDING -> 3;
            case INPUT -> 4;
        };
    }

    @Override
    public String toString() {
        return table.name().toLowerCase() + " " + start + ".." + (end() - 1);
    }
}
