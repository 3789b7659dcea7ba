package dev.berth.engine.runtime.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link SpecGenerator} needs to know about one container, already resolved by the
 * engine from the image config and the create request: the command with entrypoint
 * applied, the environment with PATH and HOME filled in, the user as ids.
 *
 * @param args            the process's argv; args[0] is looked up in PATH by the runtime
 * @param env             "KEY=value" entries, in order
 * @param cwd             absolute working directory ("/" when the image says nothing)
 * @param user            the resolved user ({@link UserResolver})
 * @param terminal        whether the process gets a TTY (console socket; not supported yet)
 * @param rootfs          the mounted root filesystem (absolute)
 * @param readonlyRootfs  {@code --read-only}
 * @param hostname        the UTS hostname
 * @param binds           extra bind mounts after Docker's default mounts
 * @param network         the network namespace
 * @param cgroupNamespace whether to unshare the cgroup namespace (Docker: private on
 *                        cgroup v2, host on v1)
 * @param cgroupsPath     the container's cgroup, e.g. "/berth/&lt;id&gt;"
 * @param shmSizeBytes    size of /dev/shm, {@link RuntimeDefaults#SHM_SIZE_BYTES} by default
 * @param seccomp         whether to apply Docker's default seccomp profile
 * @param sysctls         extra {@code --sysctl} values (override the defaults)
 */
public record ContainerSpec(
        List<String> args,
        List<String> env,
        String cwd,
        ResolvedUser user,
        boolean terminal,
        Path rootfs,
        boolean readonlyRootfs,
        String hostname,
        List<BindMount> binds,
        NetworkNamespace network,
        boolean cgroupNamespace,
        String cgroupsPath,
        long shmSizeBytes,
        boolean seccomp,
        Map<String, String> sysctls) {

    public ContainerSpec {
        args = List.copyOf(args);
        env = List.copyOf(env);
        binds = List.copyOf(binds);
        sysctls = Map.copyOf(sysctls);
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(rootfs, "rootfs");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(cgroupsPath, "cgroupsPath");
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no command specified");
        }
        if (!cwd.startsWith("/")) {
            throw new IllegalArgumentException("the working directory '" + cwd + "' is invalid, it needs to be an absolute path");
        }
    }

    /** A spec with Docker's defaults for everything but the command, rootfs and identity. */
    public static ContainerSpec defaults(List<String> args, Path rootfs, String hostname, String cgroupsPath) {
        return new ContainerSpec(args, List.of(RuntimeDefaults.DEFAULT_PATH_ENV), "/", ResolvedUser.ROOT,
                false, rootfs, false, hostname, List.of(), new NetworkNamespace.Fresh(), false,
                cgroupsPath, RuntimeDefaults.SHM_SIZE_BYTES, true, Map.of());
    }

    public ContainerSpec withEnv(List<String> newEnv) {
        return new ContainerSpec(args, newEnv, cwd, user, terminal, rootfs, readonlyRootfs, hostname, binds,
                network, cgroupNamespace, cgroupsPath, shmSizeBytes, seccomp, sysctls);
    }

    public ContainerSpec withUser(ResolvedUser newUser) {
        return new ContainerSpec(args, env, cwd, newUser, terminal, rootfs, readonlyRootfs, hostname, binds,
                network, cgroupNamespace, cgroupsPath, shmSizeBytes, seccomp, sysctls);
    }

    public ContainerSpec withCwd(String newCwd) {
        return new ContainerSpec(args, env, newCwd, user, terminal, rootfs, readonlyRootfs, hostname, binds,
                network, cgroupNamespace, cgroupsPath, shmSizeBytes, seccomp, sysctls);
    }

    public ContainerSpec withBinds(List<BindMount> newBinds) {
        return new ContainerSpec(args, env, cwd, user, terminal, rootfs, readonlyRootfs, hostname, newBinds,
                network, cgroupNamespace, cgroupsPath, shmSizeBytes, seccomp, sysctls);
    }

    public ContainerSpec withNetwork(NetworkNamespace newNetwork) {
        return new ContainerSpec(args, env, cwd, user, terminal, rootfs, readonlyRootfs, hostname, binds,
                newNetwork, cgroupNamespace, cgroupsPath, shmSizeBytes, seccomp, sysctls);
    }

    public ContainerSpec withReadonlyRootfs(boolean readonly) {
        return new ContainerSpec(args, env, cwd, user, terminal, rootfs, readonly, hostname, binds,
                network, cgroupNamespace, cgroupsPath, shmSizeBytes, seccomp, sysctls);
    }
}
