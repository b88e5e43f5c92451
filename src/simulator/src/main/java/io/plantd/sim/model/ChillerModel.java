package io.plantd.sim.model;

/**
 * One simulated hybrid-drive chiller: what plantd writes (drive mode, engine share, heartbeat),
 * the chiller-side heartbeat watchdog, the engine start sequence and scripted faults.
 *
 * <p>Rules, documented in docs/simulator.md:
 * <ul>
 *   <li>The unit follows {@code drive_mode_cmd} only while the heartbeat keeps changing; after
 *       {@code watchdogS} without a change it falls back to LOCAL (its own choice: motor).</li>
 *   <li>The engine starts when the effective command wants it (ENGINE, or BLEND with a share above
 *       0), it is OFF and ready. The motor carries the load until the start sequence and the load
 *       ramp are done; the total is the unit's true lead time.</li>
 *   <li>Engine → motor is quick: the motor takes the load back within {@code motorPickupS}, the
 *       engine then runs unloaded for {@code cooldownS}.</li>
 *   <li>A failed start latches {@code engine_start_failed}; a trip or gas loss while the engine
 *       runs latches a trip. Latches make the engine not ready and clear when the effective
 *       command goes to MOTOR or LOCAL.</li>
 * </ul>
 * Not thread-safe: driven by one thread (the simulation loop).
 */
public final class ChillerModel {
    private final ChillerSpec spec;

    // what plantd wrote
    private int commandCode = DriveCode.LOCAL;
    private double commandShare = 1.0;
    private int heartbeat;
    private boolean heartbeatChanged;
    private boolean heartbeatSeen;
    private double lastHeartbeatS = Double.NEGATIVE_INFINITY;
    private boolean remote;
    private int watchdogReverts;

    // engine
    private EngineStage stage = EngineStage.OFF;
    private double stageElapsedS;
    private double engineShare;
    private boolean startFailedLatch;
    private boolean tripLatch;
    private long starts;
    private long failedStarts;
    private long trips;
    private double engineRunS;

    // scripted faults
    private boolean startFailureFault;
    private boolean gasLoss;
    private boolean chillerFault;

    // outputs of the last step
    private double tons;
    private double kwPerTon;
    private double motorKw;
    private int statusCode = DriveCode.LOCAL;
    private int effectiveCode = DriveCode.LOCAL;

    public ChillerModel(ChillerSpec spec) {
        this.spec = spec;
    }

    public ChillerSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    // ---- writes (what plantd sends) ----

    /** Accepts codes 0..3; BLEND only on units that support it. Returns false when refused. */
    public boolean writeDriveMode(int code) {
        if (!DriveCode.valid(code) || (code == DriveCode.BLEND && !spec.blend())) {
            return false;
        }
        commandCode = code;
        return true;
    }

    /** Engine share in percent (0..100) used when BLEND is commanded; refused on non-blend units. */
    public boolean writeEngineSharePct(double pct) {
        if (!spec.blend() || Double.isNaN(pct) || pct < 0 || pct > 100) {
            return false;
        }
        commandShare = pct / 100.0;
        return true;
    }

    /** Only a change counts as a sign of life: a controller that writes the same value is dead. */
    public void writeHeartbeat(int value) {
        if (value != heartbeat) {
            heartbeatChanged = true;
        }
        heartbeat = value;
    }

    // ---- scripted faults ----

    public void setStartFailureFault(boolean on) {
        startFailureFault = on;
    }

    public void setGasLoss(boolean on) {
        gasLoss = on;
    }

    public void setChillerFault(boolean on) {
        chillerFault = on;
    }

    /** A momentary engine trip: a turning or starting engine stops at once and the motor takes over. */
    public void trip() {
        if (stage != EngineStage.OFF) {
            stopEngine(true);
        }
    }

    // ---- step ----

    /**
     * Advances the unit by {@code dtS} at simulated time {@code nowS} with the tons it must carry
     * and the outdoor temperature.
     */
    void step(double nowS, double dtS, double loadTons, double outdoorC) {
        updateWatchdog(nowS);
        boolean wantEngine = !chillerFault && (effectiveCode == DriveCode.ENGINE
                || (effectiveCode == DriveCode.BLEND && commandShare > 0));
        if (!wantEngine && !chillerFault) {
            startFailedLatch = false;
            tripLatch = false;
        }
        double targetShare = effectiveCode == DriveCode.BLEND ? commandShare : 1.0;
        advanceEngine(dtS, wantEngine, targetShare);

        tons = chillerFault ? 0.0 : Math.min(loadTons, spec.capacityTons());
        kwPerTon = Efficiency.kwPerTon(spec.designKwPerTon(), tons / spec.capacityTons(), outdoorC);
        motorKw = tons * kwPerTon * (1.0 - engineShare);
        if (stage.turning()) {
            engineRunS += dtS;
        }
        statusCode = statusFor();
    }

    private void updateWatchdog(double nowS) {
        if (heartbeatChanged) {
            heartbeatChanged = false;
            heartbeatSeen = true;
            lastHeartbeatS = nowS;
        }
        boolean alive = heartbeatSeen && nowS - lastHeartbeatS < spec.watchdogS();
        if (remote && !alive) {
            watchdogReverts++;
        }
        remote = alive;
        effectiveCode = remote ? commandCode : DriveCode.LOCAL;
    }

    private void advanceEngine(double dtS, boolean wantEngine, double targetShare) {
        boolean available = !gasLoss && !chillerFault && !startFailedLatch && !tripLatch;
        stageElapsedS += dtS;
        switch (stage) {
            case OFF -> {
                if (wantEngine && available) {
                    // the command arrived before this step, so the whole step counts toward the start
                    enter(EngineStage.PRELUBE, dtS);
                    starts++;
                    advanceStart();
                }
            }
            case PRELUBE, CRANK, WARMUP -> {
                if (gasLoss || chillerFault) {
                    stopEngine(true);
                } else if (!wantEngine) {
                    enter(EngineStage.OFF);
                } else {
                    advanceStart();
                }
            }
            case RUNNING -> {
                if (gasLoss || chillerFault) {
                    stopEngine(true);
                } else if (!wantEngine) {
                    enter(EngineStage.COOLDOWN);
                }
            }
            case COOLDOWN -> {
                if (gasLoss || chillerFault) {
                    stopEngine(true);
                } else if (wantEngine && available) {
                    enter(EngineStage.RUNNING);
                } else if (stageElapsedS >= spec.cooldownS()) {
                    enter(EngineStage.OFF);
                }
            }
        }
        moveShare(dtS, stage == EngineStage.RUNNING ? targetShare : 0.0);
    }

    private void advanceStart() {
        EngineStage before;
        do {
            before = stage;
            advanceStartOnce();
        } while (stage != before && stage.starting());
    }

    private void advanceStartOnce() {
        switch (stage) {
            case PRELUBE -> {
                if (stageElapsedS >= spec.prelubeS()) {
                    enter(EngineStage.CRANK, stageElapsedS - spec.prelubeS());
                }
            }
            case CRANK -> {
                if (stageElapsedS >= spec.crankS()) {
                    if (startFailureFault) {
                        startFailedLatch = true;
                        failedStarts++;
                        enter(EngineStage.OFF);
                    } else {
                        enter(EngineStage.WARMUP, stageElapsedS - spec.crankS());
                    }
                }
            }
            case WARMUP -> {
                if (stageElapsedS >= spec.warmupS()) {
                    enter(EngineStage.RUNNING, stageElapsedS - spec.warmupS());
                }
            }
            default -> {
            }
        }
    }

    /** Engine share rises at the load-ramp rate and falls at the motor pick-up rate. */
    private void moveShare(double dtS, double target) {
        if (engineShare < target) {
            double up = stage == EngineStage.RUNNING ? Math.min(stageElapsedS, dtS) : 0;
            engineShare = Math.min(target, engineShare + up / spec.rampS());
        } else if (engineShare > target) {
            engineShare = Math.max(target, engineShare - dtS / spec.motorPickupS());
        }
        // snap away floating-point crumbs so a finished ramp lands exactly on its target
        if (Math.abs(engineShare - target) < 1e-9) {
            engineShare = target;
        }
    }

    private void stopEngine(boolean trip) {
        if (trip && (stage.turning() || stage.starting())) {
            tripLatch = true;
            trips++;
        }
        enter(EngineStage.OFF);
    }

    private void enter(EngineStage next) {
        enter(next, 0.0);
    }

    private void enter(EngineStage next, double carriedS) {
        stage = next;
        stageElapsedS = carriedS;
    }

    private int statusFor() {
        if (effectiveCode == DriveCode.LOCAL) {
            return DriveCode.LOCAL;
        }
        // ramps clamp to their targets, so the end points are exact
        if (engineShare >= 1.0) {
            return DriveCode.ENGINE;
        }
        return engineShare <= 0.0 ? DriveCode.MOTOR : DriveCode.BLEND;
    }

    // ---- reads ----

    public int commandCode() {
        return commandCode;
    }

    public double commandSharePct() {
        return commandShare * 100.0;
    }

    public int heartbeat() {
        return heartbeat;
    }

    /** The command the unit follows now: the written one, or LOCAL after a watchdog revert. */
    public int effectiveCode() {
        return effectiveCode;
    }

    public boolean remoteControl() {
        return remote;
    }

    public int watchdogReverts() {
        return watchdogReverts;
    }

    public int statusCode() {
        return statusCode;
    }

    public EngineStage stage() {
        return stage;
    }

    /** Fraction of the compressor load the engine carries (0..1). */
    public double engineShare() {
        return engineShare;
    }

    public boolean engineReady() {
        return !gasLoss && !chillerFault && !startFailedLatch && !tripLatch;
    }

    public boolean engineRunning() {
        return stage.turning();
    }

    public boolean engineStartFailed() {
        return startFailedLatch;
    }

    public boolean gasPressureLow() {
        return gasLoss;
    }

    public boolean faulted() {
        return chillerFault;
    }

    public boolean startFailureFault() {
        return startFailureFault;
    }

    public double tons() {
        return tons;
    }

    public double kwPerTon() {
        return kwPerTon;
    }

    public double motorKw() {
        return motorKw;
    }

    /** Tons carried by the engine, for fuel accounting. */
    public double engineTons() {
        return tons * engineShare;
    }

    public long starts() {
        return starts;
    }

    public long failedStarts() {
        return failedStarts;
    }

    public long trips() {
        return trips;
    }

    public double engineRunHours() {
        return engineRunS / 3600.0;
    }
}
