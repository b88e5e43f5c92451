package io.plantd.sim.scenario;

import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.PlantModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plays a scenario's timeline onto a plant model as simulated time advances: sets, linear ramps
 * and faults. Keeps the list of active faults and the entries applied in the last call, for the
 * ground-truth recorder and the log.
 */
public final class ScenarioScript {
    private final List<TimelineEntry> entries;
    private final PlantModel model;
    private final long startEpochS;
    private final double baseMeterNoiseKw;
    private final List<ActiveRamp> ramps = new ArrayList<>();
    private final Map<String, String> activeFaults = new TreeMap<>();
    private final List<String> fired = new ArrayList<>();
    private String activeFaultsText = "";
    private int next;

    private static final class ActiveRamp {
        final Target target;
        final double from;
        final double to;
        final double startS;
        final double overS;

        ActiveRamp(Target target, double from, double to, double startS, double overS) {
            this.target = target;
            this.from = from;
            this.to = to;
            this.startS = startS;
            this.overS = overS;
        }
    }

    public ScenarioScript(List<TimelineEntry> entries, PlantModel model, long startEpochS, double baseMeterNoiseKw) {
        this.entries = List.copyOf(entries);
        this.model = model;
        this.startEpochS = startEpochS;
        this.baseMeterNoiseKw = baseMeterNoiseKw;
    }

    /** Applies every entry due at or before {@code elapsedS} and moves active ramps. */
    public void advanceTo(double elapsedS) {
        if (!fired.isEmpty()) {
            fired.clear();
        }
        while (next < entries.size() && entries.get(next).atS() <= elapsedS) {
            apply(entries.get(next++));
        }
        for (int i = ramps.size() - 1; i >= 0; i--) {
            ActiveRamp r = ramps.get(i);
            double f = Math.min(1.0, (elapsedS - r.startS) / r.overS);
            r.target.apply(model, startEpochS, r.from + (r.to - r.from) * f);
            if (f >= 1.0) {
                ramps.remove(i);
            }
        }
    }

    private void apply(TimelineEntry e) {
        fired.add(describe(e.action()));
        if (e.action() instanceof Action.Set s) {
            cancelRamp(s.target());
            s.target().apply(model, startEpochS, s.value());
        } else if (e.action() instanceof Action.Ramp r) {
            cancelRamp(r.target());
            ramps.add(new ActiveRamp(r.target(), r.target().read(model, startEpochS), r.value(), e.atS(), r.overS()));
        } else if (e.action() instanceof Action.Fault f) {
            fault(f);
        }
    }

    private void cancelRamp(Target t) {
        ramps.removeIf(r -> r.target == t);
    }

    private void fault(Action.Fault f) {
        switch (f.type()) {
            case ENGINE_START_FAILURE -> model.chiller(f.subject()).setStartFailureFault(f.on());
            case ENGINE_TRIP -> model.chiller(f.subject()).trip();
            case GAS_PRESSURE_LOSS -> {
                if (f.subject().isEmpty()) {
                    for (ChillerModel c : model.chillers()) {
                        c.setGasLoss(f.on());
                    }
                } else {
                    model.chiller(f.subject()).setGasLoss(f.on());
                }
            }
            case CHILLER_FAULT -> model.chiller(f.subject()).setChillerFault(f.on());
            case METER_FREEZE -> model.meter().setFrozen(f.on());
            case METER_NOISE -> model.meter().setNoiseKw(f.on() ? f.sigmaKw() : baseMeterNoiseKw);
            case METER_WORD_ORDER -> model.meter().setWordOrderFault(f.on());
            case DROPOUT -> model.setDropout(f.subject(), f.on());
        }
        if (f.type().clearable()) {
            String label = (f.subject().isEmpty() ? (f.type().scope() == FaultType.Scope.METER ? "meter" : "all")
                    : f.subject()) + ":" + f.type().key();
            if (f.on()) {
                activeFaults.put(label, label);
            } else {
                activeFaults.remove(label);
            }
            activeFaultsText = String.join(" ", activeFaults.keySet());
        }
    }

    static String describe(Action a) {
        if (a instanceof Action.Set s) {
            return "set " + s.target().key() + "=" + num(s.value());
        }
        if (a instanceof Action.Ramp r) {
            return "ramp " + r.target().key() + "->" + num(r.value()) + " over " + num(r.overS()) + "s";
        }
        Action.Fault f = (Action.Fault) a;
        return (f.on() ? "fault " : "clear ") + f.type().key() + (f.subject().isEmpty() ? "" : " " + f.subject());
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Active faults as {@code subject:type} separated by spaces; empty when none. */
    public String activeFaults() {
        return activeFaultsText;
    }

    /** Descriptions of the entries applied by the last {@link #advanceTo} call. */
    public List<String> firedLastAdvance() {
        return fired;
    }

    public boolean done() {
        return next >= entries.size() && ramps.isEmpty();
    }
}
