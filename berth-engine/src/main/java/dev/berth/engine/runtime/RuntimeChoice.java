package dev.berth.engine.runtime;

import java.nio.file.Path;

/**
 * The runtime the engine uses on this host and why, for logs and {@code docker info}.
 *
 * @param reason e.g. "crun (default)", or why runc was chosen instead
 */
public record RuntimeChoice(String name, Path binary, String reason) {

    /** A {@link CommandLineRuntime} for this choice with its state under {@code execRoot/runtime/<name>}. */
    public CommandLineRuntime open(Path execRoot) {
        return new CommandLineRuntime(name, binary, execRoot.resolve("runtime").resolve(name));
    }
}
