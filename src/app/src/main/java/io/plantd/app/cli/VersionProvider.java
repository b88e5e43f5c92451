package io.plantd.app.cli;

import picocli.CommandLine;

/** Reads the version Maven writes into the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"plantd " + version(), "Java " + System.getProperty("java.version")};
    }
}
