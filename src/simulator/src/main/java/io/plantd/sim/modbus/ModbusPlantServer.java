package io.plantd.sim.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveType;
import io.plantd.drivers.profile.RegisterTable;
import io.plantd.sim.device.RegisterMaps;
import io.plantd.sim.device.SimDevice;
import io.plantd.sim.device.SimPoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves simulated devices as Modbus TCP slaves (j2mod). Devices given the same port share one
 * listener under different unit ids; port 0 picks a free port. The simulation thread calls
 * {@link #applyWrites()} before each step and {@link #publish()} after it; j2mod's connection
 * threads only touch the register images and the write queue.
 */
public final class ModbusPlantServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusPlantServer.class);
    private static final int POOL_SIZE = 8;

    private final List<Served> served = new ArrayList<>();
    private final Map<Integer, ModbusSlave> slaves = new LinkedHashMap<>();
    private final Map<String, ModbusSlave> ephemeral = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<PendingWrite> writes = new ConcurrentLinkedQueue<>();
    private final List<DeviceEndpoint> endpoints = new ArrayList<>();

    private record PendingWrite(SimDevice device, String point, double value) {
    }

    private final class Served {
        final SimDevice device;
        final RegisterImage image;
        final ModbusSlave slave;
        final int unitId;
        final int[] inputBuffer;
        final int[] words = new int[4];
        boolean attached = true;

        Served(SimDevice device, ModbusSlave slave, int unitId) {
            this.device = device;
            this.slave = slave;
            this.unitId = unitId;
            List<SimPoint> points = device.points();
            this.inputBuffer = new int[RegisterMaps.size(points, RegisterTable.INPUT)];
            this.image = new RegisterImage(RegisterMaps.size(points, RegisterTable.HOLDING), inputBuffer.length,
                    this::onWrite);
        }

        boolean onWrite(int address, int value) {
            for (SimPoint p : device.points()) {
                if (p.table() == RegisterTable.HOLDING && p.address() == address && p.writable()) {
                    if (!device.acceptsWrite(p.name(), value)) {
                        LOG.info("{}: refused write {}={}", device.id(), p.name(), value);
                        return false;
                    }
                    writes.add(new PendingWrite(device, p.name(), value));
                    return true;
                }
            }
            return false;
        }

        void publish(boolean includeHolding) {
            boolean responding = device.responding();
            if (responding != attached) {
                // j2mod answers nothing for a unit id without a process image: requests time out.
                // Its image map is a plain HashMap read by connection threads; this is the only
                // writer, the map holds a handful of entries and never resizes.
                if (responding) {
                    slave.addProcessImage(unitId, image);
                } else {
                    slave.removeProcessImage(unitId);
                }
                attached = responding;
                LOG.info("{}: {}", device.id(), responding ? "answering again" : "stopped answering (dropout)");
            }
            for (SimPoint p : device.points()) {
                if (p.table() == RegisterTable.INPUT) {
                    WordCodec.encode(p.type(), device.read(p.name()), words);
                    System.arraycopy(words, 0, inputBuffer, p.address(), p.width());
                } else if (includeHolding) {
                    WordCodec.encode(p.type(), device.read(p.name()), words);
                    for (int i = 0; i < p.width(); i++) {
                        image.setHolding(p.address() + i, words[i]);
                    }
                }
            }
            image.setInput(0, inputBuffer);
        }
    }

    private ModbusPlantServer() {
    }

    /**
     * Opens a listener for every device. Fails (closing whatever it opened) if a requested port
     * cannot be bound.
     */
    public static ModbusPlantServer start(List<SimDevice> devices, Function<String, Binding> bindingFor)
            throws IOException {
        ModbusPlantServer server = new ModbusPlantServer();
        try {
            server.openListeners(devices, bindingFor);
            for (SimDevice d : devices) {
                server.serve(d, bindingFor.apply(d.id()));
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.publish(true);
        return server;
    }

    /**
     * Opens one listener per distinct requested port, and one per device asking for port 0, in
     * parallel: j2mod's open() polls for the bound socket every 50 ms, which adds up serially.
     */
    private void openListeners(List<SimDevice> devices, Function<String, Binding> bindingFor) throws IOException {
        Map<String, java.util.concurrent.CompletableFuture<ModbusSlave>> pending = new LinkedHashMap<>();
        // not the common pool: on a 2-core machine it runs one task at a time
        java.util.concurrent.ExecutorService openers = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-modbus-open");
            t.setDaemon(true);
            return t;
        });
        try {
            openAll(devices, bindingFor, pending, openers);
        } finally {
            openers.shutdown();
        }
    }

    private void openAll(List<SimDevice> devices, Function<String, Binding> bindingFor,
                         Map<String, java.util.concurrent.CompletableFuture<ModbusSlave>> pending,
                         java.util.concurrent.Executor openers) throws IOException {
        for (SimDevice d : devices) {
            Binding b = bindingFor.apply(d.id());
            String key = b.port() == 0 ? "ephemeral:" + d.id() : Integer.toString(b.port());
            if (!pending.containsKey(key)) {
                InetAddress address = InetAddress.getByName(b.host());
                pending.put(key, java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return open(address, b.port(), d.id());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, openers));
            }
        }
        IOException failure = null;
        for (Map.Entry<String, java.util.concurrent.CompletableFuture<ModbusSlave>> e : pending.entrySet()) {
            try {
                ModbusSlave slave = e.getValue().join();
                slaves.put(slave.getPort(), slave);
                if (e.getKey().startsWith("ephemeral:")) {
                    ephemeral.put(e.getKey().substring("ephemeral:".length()), slave);
                }
            } catch (java.util.concurrent.CompletionException ex) {
                if (failure == null) {
                    failure = ex.getCause() instanceof java.io.UncheckedIOException u ? u.getCause()
                            : new IOException(ex.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void serve(SimDevice device, Binding binding) throws IOException {
        ModbusSlave slave = binding.port() == 0 ? ephemeral.get(device.id()) : slaves.get(binding.port());
        if (slave.getProcessImage(binding.unitId()) != null) {
            throw new IOException(device.id() + ": unit " + binding.unitId() + " on port " + binding.port()
                    + " is already taken by another simulated device");
        }
        Served s = new Served(device, slave, binding.unitId());
        slave.addProcessImage(binding.unitId(), s.image);
        served.add(s);
        endpoints.add(new DeviceEndpoint(device.id(), device.kind(), device.profile(), binding.host(),
                slave.getPort(), binding.unitId()));
    }

    private static ModbusSlave open(InetAddress address, int requestedPort, String deviceId) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = requestedPort == 0 ? freePort(address) : requestedPort;
            ModbusSlave slave = null;
            try {
                synchronized (ModbusSlaveFactory.class) {
                    // the factory keys slaves by port only and hands back an existing one
                    if (ModbusSlaveFactory.getSlave(ModbusSlaveType.TCP, port) != null) {
                        last = new IOException(deviceId + ": port " + port + " is already served in this process");
                        if (requestedPort != 0) {
                            throw last;
                        }
                        continue;
                    }
                    slave = ModbusSlaveFactory.createTCPSlave(address, port, POOL_SIZE, false, 0);
                }
                slave.setThreadName("sim-modbus-" + deviceId);
                slave.open();
                return slave;
            } catch (ModbusException e) {
                if (slave != null) {
                    slave.close();
                }
                last = new IOException(deviceId + ": cannot listen on " + address.getHostAddress() + ":" + port
                        + ": " + e.getMessage(), e);
                if (requestedPort != 0) {
                    throw last;
                }
            }
        }
        throw last;
    }

    /** Finds a free port; another process could take it before j2mod binds, hence the retries above. */
    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, address)) {
            return s.getLocalPort();
        }
    }

    public List<DeviceEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Applies the writes received since the last call to the model; returns how many. Simulation thread. */
    public int applyWrites() {
        int n = 0;
        PendingWrite w;
        while ((w = writes.poll()) != null) {
            if (w.device().write(w.point(), w.value())) {
                n++;
            }
        }
        return n;
    }

    /** Copies the model's current values into the registers. Simulation thread. */
    public void publish() {
        publish(false);
    }

    private void publish(boolean includeHolding) {
        for (Served s : served) {
            s.publish(includeHolding);
        }
    }

    @Override
    public void close() {
        for (ModbusSlave s : slaves.values()) {
            s.close();
        }
        slaves.clear();
    }
}
