package io.plantd.app.backtest;

/** Per-second record of one day of one run, for the CSV and the chart. */
public final class DayTrace {
    final String strategy;
    final long startEpochS;
    final String[] chillerIds;
    final float[] siteKw;
    final float[] capKw;
    final float[] itKw;
    final byte[][] driveStatus;
    final float[][] engineShare;
    int length;

    DayTrace(String strategy, long startEpochS, String[] chillerIds, int seconds) {
        this.strategy = strategy;
        this.startEpochS = startEpochS;
        this.chillerIds = chillerIds;
        this.siteKw = new float[seconds];
        this.capKw = new float[seconds];
        this.itKw = new float[seconds];
        this.driveStatus = new byte[chillerIds.length][seconds];
        this.engineShare = new float[chillerIds.length][seconds];
    }

    public String strategy() {
        return strategy;
    }

    public int length() {
        return length;
    }
}
