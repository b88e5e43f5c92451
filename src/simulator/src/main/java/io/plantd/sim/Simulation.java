package io.plantd.sim;

import io.plantd.sim.device.SimDevices;
import io.plantd.sim.model.CsvItLoad;
import io.plantd.sim.model.ItLoad;
import io.plantd.sim.model.PlantModel;
import io.plantd.sim.model.ProfileItLoad;
import io.plantd.sim.record.GroundTruthRecorder;
import io.plantd.sim.scenario.ItLoadSpec;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario played on a plant model in simulated time, with no sockets and no wall clock: the
 * caller decides how far each {@link #advance} goes. Backtests drive it directly at 1 s steps;
 * {@link SimulatorRunner} drives it in (scaled) real time and serves it over Modbus.
 *
 * <p>Each advance: timeline entries due by the new time are applied, the model steps to it, then
 * observers (the ground-truth recorder) see the result.
 */
public final class Simulation {
    /** Sees the plant after every step. */
    public interface StepObserver {
        void afterStep(Simulation sim);
    }

    private final Scenario scenario;
    private final PlantModel model;
    private final ScenarioScript script;
    private final SimDevices devices;
    private final long startEpochS;
    private final List<StepObserver> observers = new ArrayList<>();
    private double elapsedS;

    public Simulation(Scenario scenario) {
        this.scenario = scenario;
        this.startEpochS = scenario.start().getEpochSecond();
        this.model = buildModel(scenario);
        this.script = new ScenarioScript(scenario.timeline(), model, startEpochS, scenario.site().meterNoiseKw());
        this.devices = new SimDevices(model);
        script.advanceTo(0);
        model.stepSeconds(startEpochS, 0);
    }

    /** The plant a scenario describes, before any timeline entry. */
    public static PlantModel buildModel(Scenario s) {
        Scenario.Site site = s.site();
        double origin = s.start().getEpochSecond();
        ItLoad it;
        if (site.itLoad() instanceof ItLoadSpec.Csv csv) {
            it = new CsvItLoad(csv.seconds(), csv.kw(), origin);
        } else {
            ItLoadSpec.Profile p = (ItLoadSpec.Profile) site.itLoad();
            it = new ProfileItLoad(p.baseKw(), p.diurnalAmplitude(), p.peakHour(), p.weekendFactor(),
                    p.growthPerYear(), p.noiseKw(), s.utcOffsetH(), p.spikes(), s.seed(), origin);
        }
        PlantModel m = new PlantModel(site.chillers(), it, site.weather(), site.otherFractionOfIt(),
                site.otherFixedKw(), site.serviceCapacityKw(), s.seed(), site.meterNoiseKw());
        m.grid().setPriceElectricity(site.priceElectricity());
        m.grid().setPriceGas(site.priceGas());
        m.grid().setFrequencyHz(site.frequencyHz());
        return m;
    }

    /** Records ground truth from now on (per simulated second), optionally also to CSV. */
    public GroundTruthRecorder record(GroundTruthRecorder recorder) {
        observers.add(recorder);
        recorder.afterStep(this);
        return recorder;
    }

    public void addObserver(StepObserver observer) {
        observers.add(observer);
    }

    /** Advances simulated time by {@code dtS} seconds (> 0). */
    public void advance(double dtS) {
        if (!(dtS > 0)) {
            throw new IllegalArgumentException("step must be positive, got " + dtS);
        }
        elapsedS += dtS;
        script.advanceTo(elapsedS);
        model.stepSeconds(startEpochS + elapsedS, dtS);
        for (int i = 0; i < observers.size(); i++) {
            observers.get(i).afterStep(this);
        }
    }

    public void advance(Duration dt) {
        advance(dt.toNanos() * 1e-9);
    }

    public Scenario scenario() {
        return scenario;
    }

    public PlantModel model() {
        return model;
    }

    public ScenarioScript script() {
        return script;
    }

    /** The simulated devices by name (meter, grid, chillers): what plantd would read and write. */
    public SimDevices devices() {
        return devices;
    }

    public Instant start() {
        return scenario.start();
    }

    public double elapsedS() {
        return elapsedS;
    }

    public Instant now() {
        long whole = (long) Math.floor(elapsedS);
        return scenario.start().plusSeconds(whole).plusNanos(Math.round((elapsedS - whole) * 1e9));
    }

    /** True once the scenario's duration has been simulated. */
    public boolean finished() {
        return elapsedS >= scenario.durationS();
    }
}
