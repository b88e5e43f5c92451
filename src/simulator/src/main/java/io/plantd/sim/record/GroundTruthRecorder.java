package io.plantd.sim.record;

import io.plantd.sim.Simulation;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.DriveCode;
import io.plantd.sim.model.PlantModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The simulator's own account of what happened, once per simulated second: the true site draw
 * against the physical cap (service capacity, or a lower grid-event limit in force), each
 * chiller's command, drive and power, and the scripted events and faults. It scores a run
 * independently of what plantd reports. Optionally writes every sample to CSV; the summary is kept
 * in memory in constant space (a 1-kW histogram and per-chiller start times), so a year at 1 s
 * costs a few hundred kilobytes.
 */
public final class GroundTruthRecorder implements Simulation.StepObserver, AutoCloseable {
    private static final int HISTOGRAM_KW = 200_000;

    private final Writer csv;
    private final long[] histogram = new long[HISTOGRAM_KW + 1];
    private String[] ids = new String[0];
    private long[] lastStarts = new long[0];
    private LongList[] startTimes = new LongList[0];
    private long lastSecond = Long.MIN_VALUE;

    private long seconds;
    private long secondsOverCap;
    private double kwhOverCap;
    private double worstOvershootKw;
    private double maxSiteKw;
    private double siteKwh;
    private double motorKwh;
    private double engineTonHours;
    private double unmetTonHours;

    /** In-memory summary only. */
    public GroundTruthRecorder() {
        this(null);
    }

    /** Also writes one CSV row per simulated second to {@code csv} (closed by {@link #close()}). */
    public GroundTruthRecorder(Writer csv) {
        this.csv = csv == null ? null : (csv instanceof BufferedWriter ? csv : new BufferedWriter(csv, 1 << 16));
    }

    @Override
    public void afterStep(Simulation sim) {
        long second = (long) Math.floor(sim.elapsedS());
        if (second <= lastSecond) {
            return;
        }
        long weight = lastSecond == Long.MIN_VALUE ? 1 : second - lastSecond;
        lastSecond = second;
        PlantModel m = sim.model();
        if (ids.length == 0) {
            init(m, sim);
        }
        double site = m.siteKw();
        double cap = m.capKw();
        double over = site - cap;
        seconds += weight;
        if (over > 0) {
            secondsOverCap += weight;
            kwhOverCap += over * weight / 3600.0;
            worstOvershootKw = Math.max(worstOvershootKw, over);
        }
        maxSiteKw = Math.max(maxSiteKw, site);
        siteKwh += site * weight / 3600.0;
        motorKwh += m.motorKw() * weight / 3600.0;
        unmetTonHours += m.unmetTons() * weight / 3600.0;
        histogram[(int) Math.max(0, Math.min(HISTOGRAM_KW, Math.floor(site)))] += weight;
        List<ChillerModel> chillers = m.chillers();
        for (int i = 0; i < chillers.size(); i++) {
            ChillerModel c = chillers.get(i);
            engineTonHours += c.engineTons() * weight / 3600.0;
            for (long s = lastStarts[i]; s < c.starts(); s++) {
                startTimes[i].add(second);
            }
            lastStarts[i] = c.starts();
        }
        if (csv != null) {
            writeRow(sim, m, second, site, cap);
        }
    }

    private void init(PlantModel m, Simulation sim) {
        int n = m.chillers().size();
        ids = new String[n];
        lastStarts = new long[n];
        startTimes = new LongList[n];
        for (int i = 0; i < n; i++) {
            ids[i] = m.chillers().get(i).id();
            startTimes[i] = new LongList();
        }
        if (csv != null) {
            StringBuilder h = new StringBuilder("t_s,time,site_kw,meter_site_kw,it_kw,other_kw,motor_kw,cap_kw,"
                    + "over_cap_kw,outdoor_c,unmet_tons,event_level,cap_limit_kw,outage");
            for (String id : ids) {
                h.append(',').append(id).append("_cmd,").append(id).append("_mode,").append(id).append("_stage,")
                        .append(id).append("_engine_share,").append(id).append("_motor_kw,").append(id)
                        .append("_tons");
            }
            h.append(",faults,events\n");
            write(h.toString());
        }
    }

    private void writeRow(Simulation sim, PlantModel m, long second, double site, double cap) {
        StringBuilder r = new StringBuilder(256);
        r.append(second).append(',').append(Instant.ofEpochSecond(sim.start().getEpochSecond() + second)).append(',');
        num(r, site).append(',');
        num(r, m.meter().siteKw()).append(',');
        num(r, m.itKw()).append(',');
        num(r, m.otherKw()).append(',');
        num(r, m.motorKw()).append(',');
        num(r, cap).append(',');
        num(r, Math.max(0, site - cap)).append(',');
        num(r, m.outdoorC()).append(',');
        num(r, m.unmetTons()).append(',');
        r.append(m.grid().eventLevel()).append(',');
        num(r, m.grid().capLimitKw()).append(',');
        r.append(m.grid().outage() ? 1 : 0);
        for (ChillerModel c : m.chillers()) {
            r.append(',').append(DriveCode.name(c.effectiveCode())).append(',').append(DriveCode.name(c.statusCode()))
                    .append(',').append(c.stage()).append(',');
            num(r, c.engineShare()).append(',');
            num(r, c.motorKw()).append(',');
            num(r, c.tons());
        }
        r.append(',').append(sim.script().activeFaults()).append(',')
                .append(String.join("; ", sim.script().firedLastAdvance())).append('\n');
        write(r.toString());
    }

    private static StringBuilder num(StringBuilder sb, double v) {
        if (Double.isInfinite(v)) {
            return sb.append(v > 0 ? "inf" : "-inf");
        }
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        return sb.append(tenths / 10).append('.').append(tenths % 10);
    }

    private void write(String s) {
        try {
            csv.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ground-truth CSV", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
    }

    public void flush() throws IOException {
        if (csv != null) {
            csv.flush();
        }
    }

    // ---- summary ----

    /** Seconds whose true site draw, in whole kW (rounded down), exceeded {@code capKw} rounded down. */
    public long secondsOver(double capKw) {
        int from = (int) Math.max(0, Math.min(HISTOGRAM_KW, Math.floor(capKw) + 1));
        long n = 0;
        for (int i = from; i <= HISTOGRAM_KW; i++) {
            n += histogram[i];
        }
        return n;
    }

    /** Engine starts (attempts) of one chiller during the recording. */
    public long engineStarts(String chillerId) {
        return starts(chillerId).size();
    }

    /** The most starts of one chiller inside any 3600-second window. */
    public int maxStartsInAnyHour(String chillerId) {
        LongList t = starts(chillerId);
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < t.size(); hi++) {
            while (t.get(hi) - t.get(lo) >= 3600) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    private LongList starts(String chillerId) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(chillerId)) {
                return startTimes[i];
            }
        }
        throw new IllegalArgumentException("no chiller " + chillerId);
    }

    public RunSummary summary() {
        return new RunSummary(seconds, secondsOverCap, kwhOverCap, worstOvershootKw, maxSiteKw, siteKwh, motorKwh,
                engineTonHours, unmetTonHours);
    }
}
