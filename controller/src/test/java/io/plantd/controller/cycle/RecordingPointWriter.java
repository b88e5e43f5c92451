package io.plantd.controller.cycle;

import io.plantd.drivers.api.PointWriter;
import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.point.PointId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory device register bank standing in for the driver's writer: it stores written values
 * and answers with a read-back, or is told per point to fail or to hold the write pending.
 */
public final class RecordingPointWriter implements PointWriter {
    public enum Behaviour { OK, FAIL_READBACK, HANG, THROW }

    public record Write(PointId point, double value) {
    }

    private final List<Write> writes = new ArrayList<>();
    private final Map<PointId, Double> registers = new HashMap<>();
    private final Map<PointId, Behaviour> behaviour = new HashMap<>();
    private final List<CompletableFuture<WriteResult>> hanging = new ArrayList<>();
    private final List<Write> hangingWrites = new ArrayList<>();
    private Behaviour defaultBehaviour = Behaviour.OK;

    @Override
    public synchronized CompletableFuture<WriteResult> write(PointId point, double value) {
        Behaviour b = behaviour.getOrDefault(point, defaultBehaviour);
        if (b == Behaviour.THROW) {
            throw new IllegalStateException("device executor rejected the write");
        }
        writes.add(new Write(point, value));
        switch (b) {
            case OK -> {
                registers.put(point, value);
                return CompletableFuture.completedFuture(WriteResult.verified(point, value, value));
            }
            case FAIL_READBACK -> {
                return CompletableFuture.completedFuture(WriteResult.failed(point, value, "read-back 0 != " + value));
            }
            default -> {
                CompletableFuture<WriteResult> f = new CompletableFuture<>();
                hanging.add(f);
                hangingWrites.add(new Write(point, value));
                return f;
            }
        }
    }

    public synchronized void set(PointId point, Behaviour b) {
        behaviour.put(point, b);
    }

    public synchronized void setDefault(Behaviour b) {
        defaultBehaviour = b;
    }

    /** Completes every pending write as verified. */
    public synchronized void releaseHanging() {
        for (int i = 0; i < hanging.size(); i++) {
            Write w = hangingWrites.get(i);
            registers.put(w.point(), w.value());
            hanging.get(i).complete(WriteResult.verified(w.point(), w.value(), w.value()));
        }
        hanging.clear();
        hangingWrites.clear();
    }

    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    public synchronized List<Write> writesTo(PointId point) {
        return writes.stream().filter(w -> w.point().equals(point)).toList();
    }

    public synchronized void clearLog() {
        writes.clear();
    }

    public synchronized Double register(PointId point) {
        return registers.get(point);
    }
}
