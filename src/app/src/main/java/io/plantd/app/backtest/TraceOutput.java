package io.plantd.app.backtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes one day of several runs as CSV and as a PNG chart drawn with java.awt (headless): per
 * strategy a panel with site draw vs cap and IT load, and a strip per chiller coloured by drive
 * status (grey motor, orange engine, yellow blend, white local).
 */
public final class TraceOutput {
    private static final int WIDTH = 1400;
    private static final int PANEL_H = 230;
    private static final int STRIP_H = 13;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final Color[] STATUS = {Color.WHITE, new Color(150, 150, 150), new Color(235, 120, 20),
        new Color(240, 200, 40)};

    private TraceOutput() {
    }

    public static void csv(List<DayTrace> traces, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("strategy,time,site_kw,cap_kw,it_kw");
            DayTrace first = traces.get(0);
            for (String id : first.chillerIds) {
                w.write("," + id + "_status," + id + "_engine_share");
            }
            w.write('\n');
            for (DayTrace t : traces) {
                for (int j = 0; j < t.length; j++) {
                    StringBuilder b = new StringBuilder(96);
                    b.append(t.strategy).append(',').append(Instant.ofEpochSecond(t.startEpochS + j + 1)).append(',')
                            .append(String.format(Locale.ROOT, "%.1f,%.1f,%.1f", t.siteKw[j], t.capKw[j], t.itKw[j]));
                    for (int i = 0; i < t.chillerIds.length; i++) {
                        b.append(',').append(t.driveStatus[i][j])
                                .append(String.format(Locale.ROOT, ",%.3f", t.engineShare[i][j]));
                    }
                    w.write(b.append('\n').toString());
                }
            }
        }
    }

    public static void png(List<DayTrace> traces, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int chillers = traces.get(0).chillerIds.length;
        int block = PANEL_H + chillers * STRIP_H + 40;
        int height = 50 + traces.size() * block;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 25);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            legend(g, WIDTH - 560, 25);
            double lo = Double.MAX_VALUE;
            double hi = 0;
            for (DayTrace t : traces) {
                for (int j = 0; j < t.length; j++) {
                    lo = Math.min(lo, Math.min(t.itKw[j], t.siteKw[j]));
                    hi = Math.max(hi, Math.max(t.siteKw[j], Math.min(t.capKw[j], 1e7f)));
                }
            }
            lo = Math.floor(lo / 500) * 500;
            hi = Math.ceil((hi + 100) / 500) * 500;
            for (int k = 0; k < traces.size(); k++) {
                panel(g, traces.get(k), 50 + k * block, lo, hi);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static void legend(Graphics2D g, int x, int y) {
        Object[][] items = {{"site draw", Color.BLUE}, {"cap", Color.RED}, {"IT load", new Color(0, 140, 0)},
            {"motor", STATUS[1]}, {"engine", STATUS[2]}, {"blend", STATUS[3]}};
        for (Object[] it : items) {
            g.setColor((Color) it[1]);
            g.fillRect(x, y - 9, 14, 9);
            g.setColor(Color.BLACK);
            g.drawString((String) it[0], x + 18, y);
            x += 90;
        }
    }

    private static void panel(Graphics2D g, DayTrace t, int top, double lo, double hi) {
        int plotW = WIDTH - LEFT - RIGHT;
        int n = Math.max(1, t.length);
        g.setColor(Color.BLACK);
        g.drawString(t.strategy + "  (" + Instant.ofEpochSecond(t.startEpochS).toString().substring(0, 10) + ", UTC)",
                LEFT, top + 12);
        int y0 = top + 20;
        int h = PANEL_H - 30;
        g.setColor(new Color(235, 235, 235));
        for (double v = lo; v <= hi; v += 500) {
            int y = y(v, lo, hi, y0, h);
            g.drawLine(LEFT, y, LEFT + plotW, y);
        }
        g.setColor(Color.DARK_GRAY);
        for (double v = Math.ceil(lo / 1000) * 1000; v <= hi; v += 1000) {
            g.drawString(String.format(Locale.ROOT, "%.0f", v / 1000) + " MW", 8, y(v, lo, hi, y0, h) + 4);
        }
        for (int hour = 0; hour <= 24; hour += 3) {
            int x = LEFT + hour * plotW / 24;
            g.drawString(String.format(Locale.ROOT, "%02d:00", hour), x - 15, y0 + h + PANEL_H - PANEL_H + 14);
        }
        g.drawRect(LEFT, y0, plotW, h);
        line(g, t.itKw, n, lo, hi, y0, h, new Color(0, 140, 0), 1.2f);
        line(g, t.capKw, n, lo, hi, y0, h, Color.RED, 1.5f);
        line(g, t.siteKw, n, lo, hi, y0, h, Color.BLUE, 1.0f);
        int strips = y0 + h + 20;
        for (int i = 0; i < t.chillerIds.length; i++) {
            int sy = strips + i * STRIP_H;
            for (int px = 0; px < plotW; px++) {
                int j = (int) ((long) px * 86_400 / plotW);
                if (j >= t.length) {
                    break;
                }
                int code = t.driveStatus[i][j];
                g.setColor(STATUS[code >= 0 && code < STATUS.length ? code : 0]);
                g.drawLine(LEFT + px, sy, LEFT + px, sy + STRIP_H - 2);
            }
            g.setColor(Color.BLACK);
            g.drawString(t.chillerIds[i], LEFT - 30, sy + STRIP_H - 1);
        }
    }

    private static void line(Graphics2D g, float[] v, int n, double lo, double hi, int y0, int h, Color c, float w) {
        int plotW = WIDTH - LEFT - RIGHT;
        Path2D.Double p = new Path2D.Double();
        boolean started = false;
        for (int px = 0; px < plotW; px++) {
            int from = (int) ((long) px * 86_400 / plotW);
            int to = (int) Math.min(n, (long) (px + 1) * 86_400 / plotW);
            if (from >= n) {
                break;
            }
            double max = -Double.MAX_VALUE;
            for (int j = from; j < Math.max(from + 1, to); j++) {
                max = Math.max(max, Math.min(v[j], hi)); // per-pixel maximum: overshoots stay visible
            }
            double yy = y(max, lo, hi, y0, h);
            if (!started) {
                p.moveTo(LEFT + px, yy);
                started = true;
            } else {
                p.lineTo(LEFT + px, yy);
            }
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(w));
        g.draw(p);
        g.setStroke(new BasicStroke(1f));
    }

    private static int y(double v, double lo, double hi, int y0, int h) {
        return (int) Math.round(y0 + h - (v - lo) / (hi - lo) * h);
    }
}
