package io.plantd.sim.modbus;

/** Requested listen address of one device; port 0 asks for a free ephemeral port. */
public record Binding(String host, int port, int unitId) {
    public Binding {
        if (port < 0 || port > 65535 || unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("bad binding " + host + ":" + port + " unit " + unitId);
        }
    }
}
