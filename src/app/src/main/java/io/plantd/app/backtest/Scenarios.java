package io.plantd.app.backtest;

import io.plantd.sim.model.PlantModel;
import io.plantd.sim.model.SpikeSpec;
import io.plantd.sim.scenario.Action;
import io.plantd.sim.scenario.ItLoadSpec;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.Target;
import io.plantd.sim.scenario.TimelineEntry;
import java.util.ArrayList;
import java.util.List;

/** Scenario transforms and figures used by the backtest. */
public final class Scenarios {
    private Scenarios() {
    }

    /** The same scenario with every IT kW (profile, spikes, noise, CSV rows, scripted offsets) times {@code k}. */
    public static Scenario scaleIt(Scenario s, double k) {
        if (k == 1.0) {
            return s;
        }
        ItLoadSpec it = s.site().itLoad();
        ItLoadSpec scaled;
        if (it instanceof ItLoadSpec.Profile p) {
            SpikeSpec sp = p.spikes();
            scaled = new ItLoadSpec.Profile(p.baseKw() * k, p.diurnalAmplitude(), p.peakHour(), p.weekendFactor(),
                    p.growthPerYear(), p.noiseKw() * k,
                    new SpikeSpec(sp.perHour(), sp.minKw() * k, sp.maxKw() * k, sp.minS(), sp.maxS()));
        } else {
            ItLoadSpec.Csv c = (ItLoadSpec.Csv) it;
            double[] kw = c.kw().clone();
            for (int i = 0; i < kw.length; i++) {
                kw[i] *= k;
            }
            scaled = new ItLoadSpec.Csv(c.file(), c.seconds(), kw);
        }
        Scenario.Site site = s.site();
        Scenario.Site newSite = new Scenario.Site(site.serviceCapacityKw(), site.otherFractionOfIt(),
                site.otherFixedKw(), site.weather(), scaled, site.chillers(), site.meterNoiseKw(),
                site.priceElectricity(), site.priceGas(), site.frequencyHz());
        List<TimelineEntry> timeline = new ArrayList<>(s.timeline().size());
        for (TimelineEntry e : s.timeline()) {
            Action a = e.action();
            if (a instanceof Action.Set set && set.target() == Target.IT_OFFSET_KW) {
                a = new Action.Set(set.target(), set.value() * k);
            } else if (a instanceof Action.Ramp r && r.target() == Target.IT_OFFSET_KW) {
                a = new Action.Ramp(r.target(), r.value() * k, r.overS());
            }
            timeline.add(new TimelineEntry(e.atS(), a, e.line()));
        }
        return new Scenario(s.file(), s.name(), s.description(), s.infeasibleReason(), s.start(), s.durationS(),
                s.seed(), s.utcOffsetH(), newSite, s.serve(), timeline);
    }

    /**
     * The IT load that fits under the service capacity if every chiller's motor kW moved to engine:
     * IT × (1 + other fraction) + other fixed = capacity, bounded by what the chillers can cool.
     */
    public static double physicalLimitKw(Scenario s) {
        Scenario.Site site = s.site();
        double electrical = (site.serviceCapacityKw() - site.otherFixedKw()) / (1.0 + site.otherFractionOfIt());
        double tons = site.chillers().stream().mapToDouble(c -> c.capacityTons()).sum();
        return Math.max(0, Math.min(electrical, tons * PlantModel.KW_PER_TON));
    }
}
