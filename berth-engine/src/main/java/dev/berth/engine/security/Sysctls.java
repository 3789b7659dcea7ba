package dev.berth.engine.security;

import dev.berth.engine.error.InvalidArgumentException;
import java.util.Map;
import java.util.Set;

/**
 * Which {@code --sysctl} keys a container may set: those of its own namespaces, the list the
 * docker CLI checks (opts.ValidateSysctl) — IPC's {@code kernel.msg*}, {@code kernel.sem},
 * {@code kernel.shm*} and {@code fs.mqueue.*}, and the network namespace's {@code net.*}.
 * dockerd itself leaves the check to the runtime, which fails the start; berth refuses at
 * create with the CLI's words, so API clients learn it as early as docker CLI users do.
 */
public final class Sysctls {

    private static final Set<String> IPC = Set.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
            "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");

    private Sysctls() {
    }

    /**
     * @param sysctls     {@code HostConfig.Sysctls} (may be null)
     * @param networkMode {@code HostConfig.NetworkMode}: {@code host} shares the host's network
     *                    namespace, whose {@code net.*} the container must not change
     * @param ipcMode     {@code HostConfig.IpcMode}: likewise {@code host} for the IPC keys
     */
    public static void check(Map<String, String> sysctls, String networkMode, String ipcMode) {
        if (sysctls == null) {
            return;
        }
        for (var e : sysctls.entrySet()) {
            String key = e.getKey();
            if (!IPC.contains(key) && !key.startsWith("net.") && !key.startsWith("fs.mqueue.")) {
                throw new InvalidArgumentException("sysctl '" + key + "=" + e.getValue() + "' is not allowed");
            }
            if (key.startsWith("net.") && "host".equals(networkMode)) {
                throw new InvalidArgumentException("sysctl '" + key + "=" + e.getValue()
                        + "' is not allowed: the container shares the host's network namespace");
            }
            if (!key.startsWith("net.") && "host".equals(ipcMode)) {
                throw new InvalidArgumentException("sysctl '" + key + "=" + e.getValue()
                        + "' is not allowed: the container shares the host's IPC namespace");
            }
        }
    }
}
