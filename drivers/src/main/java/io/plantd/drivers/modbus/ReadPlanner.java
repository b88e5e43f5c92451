package io.plantd.drivers.modbus;

import io.plantd.drivers.profile.AddressRange;
import io.plantd.drivers.profile.ModbusAddress;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.RegisterTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges a profile's points into as few reads as the rules allow. Points that share registers
 * (bitfields of one status word, say) form one indivisible block, so no read ever starts inside
 * a multi-register value. Blocks are merged while the read stays within the size limit, the
 * hole between them is at most {@code maxHole} registers, and no declared gap is covered.
 */
public final class ReadPlanner {
    private final int maxRegisters;
    private final int maxHole;

    public ReadPlanner(int maxRegisters, int maxHole) {
        if (maxRegisters < 1 || maxRegisters > ModbusSettings.MAX_REGISTERS) {
            throw new IllegalArgumentException("maxRegisters must be 1..125, got " + maxRegisters);
        }
        if (maxHole < 0) {
            throw new IllegalArgumentException("maxHole must be >= 0, got " + maxHole);
        }
        this.maxRegisters = maxRegisters;
        this.maxHole = maxHole;
    }

    private static final class Block {
        final int start;
        int end;
        final List<String> points = new ArrayList<>();

        Block(PointDef p) {
            start = p.modbus().address();
            end = p.modbus().end();
            points.add(p.name());
        }
    }

    /**
     * @throws IllegalArgumentException when a point lies in a declared gap or a block of
     *                                  overlapping points is wider than one read allows
     */
    public ReadPlan plan(List<PointDef> points, List<AddressRange> gaps) {
        List<ReadRequest> requests = new ArrayList<>();
        for (RegisterTable table : RegisterTable.values()) {
            List<PointDef> inTable = points.stream()
                    .filter(p -> p.address() instanceof ModbusAddress a && a.table() == table)
                    .sorted(Comparator.comparingInt((PointDef p) -> p.modbus().address())
                            .thenComparingInt(p -> p.modbus().end()))
                    .toList();
            if (!inTable.isEmpty()) {
                requests.addAll(planTable(table, inTable, gaps));
            }
        }
        return new ReadPlan(requests);
    }

    private List<ReadRequest> planTable(RegisterTable table, List<PointDef> points, List<AddressRange> gaps) {
        int limit = table.bitTable() ? ModbusSettings.MAX_BITS : maxRegisters;
        List<Block> blocks = new ArrayList<>();
        for (PointDef p : points) {
            ModbusAddress a = p.modbus();
            for (AddressRange gap : gaps) {
                if (gap.overlaps(table, a.address(), a.end())) {
                    throw new IllegalArgumentException("point " + p.name() + " (" + table.name().toLowerCase() + " "
                            + a.address() + ") lies in the declared gap " + gap.first() + ".." + gap.last());
                }
            }
            Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (last != null && a.address() < last.end) {
                last.end = Math.max(last.end, a.end());
                last.points.add(p.name());
            } else {
                blocks.add(new Block(p));
            }
        }
        List<ReadRequest> requests = new ArrayList<>();
        int start = -1;
        int end = -1;
        List<String> names = new ArrayList<>();
        for (Block b : blocks) {
            if (b.end - b.start > limit) {
                throw new IllegalArgumentException("points " + b.points + " overlap into " + (b.end - b.start)
                        + " registers, more than one read of " + limit);
            }
            int holeStart = end;
            boolean merge = start >= 0
                    && b.start - end <= maxHole
                    && b.end - start <= limit
                    && (b.start == holeStart || gaps.stream().noneMatch(g -> g.overlaps(table, holeStart, b.start)));
            if (!merge) {
                if (start >= 0) {
                    requests.add(new ReadRequest(table, start, end - start, names));
                }
                start = b.start;
                names = new ArrayList<>();
            }
            end = b.end;
            names.addAll(b.points);
        }
        requests.add(new ReadRequest(table, start, end - start, names));
        return requests;
    }
}
