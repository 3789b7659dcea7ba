package dev.berth.engine.exec;

import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.engine.error.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/** One exec instance's state: created, running, ended. Guarded by {@code this}. */
final class ExecInstance {

    private enum Phase { CREATED, STARTING, RUNNING, ENDED }

    final String id;
    final String containerId;
    final ExecCreateRequest config;
    private Phase phase = Phase.CREATED;
    private Path pidFile;
    private long pid;
    private OptionalInt exitCode = OptionalInt.empty();
    private dev.berth.engine.runtime.PtyConsole terminal;

    ExecInstance(String id, String containerId, ExecCreateRequest config) {
        this.id = id;
        this.containerId = containerId;
        this.config = config;
    }

    /** An exec runs once: the second start is refused with dockerd's words. */
    synchronized void claimStart() {
        switch (phase) {
            case CREATED -> phase = Phase.STARTING;
            case STARTING, RUNNING -> throw new ConflictException("Error: Exec command " + id + " is already running");
            case ENDED -> throw new ConflictException("Error: Exec command " + id + " has already run");
        }
    }

    synchronized void started(Path pidFile) {
        this.pidFile = pidFile;
        if (phase == Phase.STARTING) {
            phase = Phase.RUNNING;
        }
    }

    synchronized void ended(int code) {
        pid();
        phase = Phase.ENDED;
        exitCode = OptionalInt.of(code);
    }

    synchronized void terminal(dev.berth.engine.runtime.PtyConsole console) {
        this.terminal = console;
    }

    /** The exec's TTY while it has one, else null. */
    synchronized dev.berth.engine.runtime.PtyConsole terminal() {
        return terminal;
    }

    synchronized Exec snapshot() {
        return new Exec(id, containerId, config, phase == Phase.RUNNING, exitCode, phase == Phase.RUNNING ? pid() : 0);
    }

    // The runtime writes the pid file a moment after the start; read it when first asked.
    private long pid() {
        if (pid == 0 && pidFile != null) {
            try {
                pid = Long.parseLong(Files.readString(pidFile).strip());
            } catch (IOException | NumberFormatException notYet) {
                return 0;
            }
        }
        return pid;
    }
}
