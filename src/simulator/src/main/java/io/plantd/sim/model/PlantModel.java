package io.plantd.sim.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The physics-light plant: IT load → heat → chillers → site draw, advanced in fixed steps by the
 * caller's clock. One thread drives it (the simulation loop); nothing here touches sockets.
 *
 * <p>Energy balance: heat to remove (tons) = IT kW ÷ 3.517. Available chillers (no chiller fault)
 * share it in proportion to capacity; what exceeds their capacity is reported as unmet cooling.
 * Site draw = IT + motor kW of every chiller + other load (fraction of IT for pumps, fans and UPS
 * losses, plus a fixed part). The meter measures downstream of the transfer switch, so it keeps
 * reading during a utility outage.
 */
public final class PlantModel {
    public static final double KW_PER_TON = 3.517;

    private final ChillerModel[] chillers;
    private final List<ChillerModel> chillerList;
    private final ItLoad itLoad;
    private final Weather weather;
    private final double serviceCapacityKw;
    private final MeterModel meter;
    private final GridModel grid = new GridModel();
    private final Set<String> droppedDevices = new HashSet<>();

    // scripted adjustments
    private double itScale = 1.0;
    private double itOffsetKw;
    private double outdoorOffsetC;
    private double otherFractionOfIt;
    private double otherFixedKw;

    // state of the last step
    private double epochS = Double.NaN;
    private double itKw;
    private double outdoorC;
    private double loadTons;
    private double unmetTons;
    private double motorKw;
    private double otherKw;
    private double siteKw;

    public PlantModel(List<ChillerSpec> chillers, ItLoad itLoad, Weather weather, double otherFractionOfIt,
                      double otherFixedKw, double serviceCapacityKw, long seed, double meterNoiseKw) {
        this.chillers = chillers.stream().map(ChillerModel::new).toArray(ChillerModel[]::new);
        this.chillerList = List.of(this.chillers);
        this.itLoad = itLoad;
        this.weather = weather;
        this.otherFractionOfIt = otherFractionOfIt;
        this.otherFixedKw = otherFixedKw;
        this.serviceCapacityKw = serviceCapacityKw;
        this.meter = new MeterModel(seed, meterNoiseKw);
    }

    /** Advances the plant to {@code now}, covering the {@code dt} that ended there. */
    public void step(Instant now, Duration dt) {
        stepSeconds(now.getEpochSecond() + now.getNano() * 1e-9, dt.toNanos() * 1e-9);
    }

    /** Allocation-free form of {@link #step(Instant, Duration)} for accelerated runs. */
    public void stepSeconds(double nowEpochS, double dtS) {
        epochS = nowEpochS;
        itKw = Math.max(0.0, itLoad.kwAt(nowEpochS) * itScale + itOffsetKw);
        outdoorC = weather.celsiusAt(nowEpochS, outdoorOffsetC);
        loadTons = itKw / KW_PER_TON;
        double availableTons = 0;
        for (ChillerModel c : chillers) {
            if (!c.faulted()) {
                availableTons += c.spec().capacityTons();
            }
        }
        double delivered = 0;
        motorKw = 0;
        for (ChillerModel c : chillers) {
            double share = c.faulted() || availableTons <= 0 ? 0 : loadTons * c.spec().capacityTons() / availableTons;
            c.step(nowEpochS, dtS, share, outdoorC);
            delivered += c.tons();
            motorKw += c.motorKw();
        }
        // below a thousandth of a ton is rounding, not a shortage
        double shortfall = loadTons - delivered;
        unmetTons = shortfall > 1e-3 ? shortfall : 0.0;
        otherKw = otherFractionOfIt * itKw + otherFixedKw;
        siteKw = itKw + motorKw + otherKw;
        meter.update(siteKw, itKw, grid.frequencyHz(), nowEpochS);
    }

    // ---- scripted adjustments ----

    public double itScale() {
        return itScale;
    }

    public void setItScale(double scale) {
        itScale = scale;
    }

    public double itOffsetKw() {
        return itOffsetKw;
    }

    public void setItOffsetKw(double kw) {
        itOffsetKw = kw;
    }

    public double outdoorOffsetC() {
        return outdoorOffsetC;
    }

    public void setOutdoorOffsetC(double c) {
        outdoorOffsetC = c;
    }

    public double otherFixedKw() {
        return otherFixedKw;
    }

    public void setOtherFixedKw(double kw) {
        otherFixedKw = kw;
    }

    public double otherFractionOfIt() {
        return otherFractionOfIt;
    }

    public void setOtherFractionOfIt(double fraction) {
        otherFractionOfIt = fraction;
    }

    /** Makes a device stop answering (wire dropout) or answer again. Ids: "meter", "grid", chiller ids. */
    public void setDropout(String deviceId, boolean on) {
        if (on) {
            droppedDevices.add(deviceId);
        } else {
            droppedDevices.remove(deviceId);
        }
    }

    public boolean responding(String deviceId) {
        return !droppedDevices.contains(deviceId);
    }

    // ---- state ----

    public List<ChillerModel> chillers() {
        return chillerList;
    }

    public ChillerModel chiller(String id) {
        for (ChillerModel c : chillers) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no chiller " + id);
    }

    public MeterModel meter() {
        return meter;
    }

    public GridModel grid() {
        return grid;
    }

    /** Simulated time of the last step (epoch seconds), NaN before the first. */
    public double epochS() {
        return epochS;
    }

    public double itKw() {
        return itKw;
    }

    public double outdoorC() {
        return outdoorC;
    }

    /** Heat to remove, tons. */
    public double loadTons() {
        return loadTons;
    }

    public double unmetTons() {
        return unmetTons;
    }

    /** Sum of motor kW of all chillers. */
    public double motorKw() {
        return motorKw;
    }

    public double otherKw() {
        return otherKw;
    }

    /** True site draw (what a perfect meter shows). */
    public double siteKw() {
        return siteKw;
    }

    public double serviceCapacityKw() {
        return serviceCapacityKw;
    }

    /** The physical cap at the last step: service capacity, or a lower grid-event limit in force. */
    public double capKw() {
        return Math.min(serviceCapacityKw, grid.limitAt(epochS));
    }
}
