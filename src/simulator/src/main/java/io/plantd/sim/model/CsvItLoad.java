package io.plantd.sim.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * IT load from a CSV of {@code seconds,it_kw} rows (seconds from the scenario start, ascending),
 * linearly interpolated and held flat beyond the ends. A header line is allowed.
 */
public final class CsvItLoad implements ItLoad {
    private final double originEpochS;
    private final double[] t;
    private final double[] kw;
    private int cursor;

    public CsvItLoad(double[] seconds, double[] kw, double originEpochS) {
        if (seconds.length == 0 || seconds.length != kw.length) {
            throw new IllegalArgumentException("need matching, non-empty columns");
        }
        for (int i = 1; i < seconds.length; i++) {
            if (seconds[i] <= seconds[i - 1]) {
                throw new IllegalArgumentException("seconds must increase (row " + (i + 1) + ")");
            }
        }
        this.t = seconds.clone();
        this.kw = kw.clone();
        this.originEpochS = originEpochS;
    }

    /**
     * Reads the file; a malformed row raises IllegalArgumentException naming file:line.
     */
    public static CsvItLoad read(Path file, double originEpochS) throws IOException {
        List<String> lines = Files.readAllLines(file);
        double[] ts = new double[lines.size()];
        double[] ks = new double[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#") || (n == 0 && Character.isLetter(line.charAt(0)))) {
                continue;
            }
            String[] parts = line.split(",");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException("expected 2 columns");
                }
                ts[n] = Double.parseDouble(parts[0].trim());
                ks[n] = Double.parseDouble(parts[1].trim());
                if (!Double.isFinite(ts[n]) || !Double.isFinite(ks[n]) || ks[n] < 0) {
                    throw new NumberFormatException("not a finite, non-negative number");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'seconds,it_kw': "
                        + e.getMessage());
            }
            if (n > 0 && ts[n] <= ts[n - 1]) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": seconds must increase");
            }
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException(file + ": no data rows");
        }
        return new CsvItLoad(Arrays.copyOf(ts, n), Arrays.copyOf(ks, n), originEpochS);
    }

    public double[] seconds() {
        return t.clone();
    }

    public double[] kw() {
        return kw.clone();
    }

    @Override
    public double kwAt(double epochS) {
        double s = epochS - originEpochS;
        if (s <= t[0]) {
            return kw[0];
        }
        if (s >= t[t.length - 1]) {
            return kw[kw.length - 1];
        }
        if (s < t[cursor]) {
            cursor = 0;
        }
        while (t[cursor + 1] < s) {
            cursor++;
        }
        double f = (s - t[cursor]) / (t[cursor + 1] - t[cursor]);
        return kw[cursor] + f * (kw[cursor + 1] - kw[cursor]);
    }
}
