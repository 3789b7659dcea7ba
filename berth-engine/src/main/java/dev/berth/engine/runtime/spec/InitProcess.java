package dev.berth.engine.runtime.spec;

import dev.berth.engine.error.SystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --init}: tini as the container's PID 1, as Docker runs its docker-init. The host's
 * static tini (Debian's {@code tini} package) is bound read-only at {@code /sbin/docker-init}
 * and the process becomes {@code /sbin/docker-init -- <command...>}; tini reaps orphaned
 * zombies and forwards signals to the command.
 */
public final class InitProcess {

    /** Where the init is bound inside the container (Docker's path). */
    public static final String CONTAINER_PATH = "/sbin/docker-init";

    /** Debian's statically linked tini: it runs in any image, even one without a libc. */
    public static final Path HOST_BINARY = Path.of("/usr/bin/tini-static");

    private InitProcess() {
    }

    /** {@code args} run under the init. */
    public static List<String> wrap(List<String> args) {
        List<String> wrapped = new ArrayList<>(List.of(CONTAINER_PATH, "--"));
        wrapped.addAll(args);
        return wrapped;
    }

    /** The command an init-wrapped argv runs (what must exist in the rootfs), else {@code args[0]}. */
    public static String command(List<String> args) {
        return args.size() > 2 && args.get(0).equals(CONTAINER_PATH) && args.get(1).equals("--") ? args.get(2)
                : args.isEmpty() ? "" : args.getFirst();
    }

    /**
     * The bind of {@code binary} at {@link #CONTAINER_PATH}.
     *
     * @throws SystemException when the binary is missing (the tini package is not installed)
     */
    public static BindMount mount(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new SystemException("--init needs tini: " + binary
                    + " not found (install Debian's tini package: apt-get install tini)");
        }
        return new BindMount(binary, CONTAINER_PATH, true);
    }
}
