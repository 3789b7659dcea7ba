package dev.berth.engine.containers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.container.HostConfig;
import dev.berth.engine.cgroups.CgroupLayout;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.limits.HostLimits;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.networks.ContainerNetworking;
import dev.berth.engine.runtime.OciBundle;
import dev.berth.engine.runtime.RunningTask;
import dev.berth.engine.runtime.TaskIo;
import dev.berth.engine.runtime.TaskMonitor;
import dev.berth.engine.runtime.spec.BindMount;
import dev.berth.engine.runtime.spec.ConsoleSize;
import dev.berth.engine.runtime.spec.ContainerSpec;
import dev.berth.engine.runtime.spec.InitProcess;
import dev.berth.engine.runtime.spec.NetworkNamespace;
import dev.berth.engine.runtime.spec.ResolvedUser;
import dev.berth.engine.runtime.spec.RootfsPath;
import dev.berth.engine.runtime.spec.RuntimeDefaults;
import dev.berth.engine.runtime.spec.SpecGenerator;
import dev.berth.engine.runtime.spec.UserResolver;
import dev.berth.engine.security.NamespaceModes;
import dev.berth.engine.snapshots.MountedRootfs;
import dev.berth.engine.snapshots.RootfsLayers;
import dev.berth.engine.snapshots.Snapshotter;
import dev.berth.engine.volumes.ContainerMounts;
import dev.berth.engine.volumes.MountTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a container record into a running process: mounts its rootfs, writes its /etc
 * files, resolves its user and working directory inside the rootfs, builds the OCI spec
 * with Docker's defaults and hands the bundle to the task monitor. On any failure what was
 * mounted is released again.
 */
final class TaskLauncher {

    private static final System.Logger LOG = System.getLogger("berthd.containers");
    private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");

    private final ImageResolver images;
    private final Snapshotter snapshotter;
    private final SpecGenerator specs;
    private final TaskMonitor monitor;
    private final ContainerMounts mounts;
    private final NamespaceDonors donors;
    private volatile ContainerNetworking networking = ContainerNetworking.loopbackOnly();
    private volatile HostLimits hostLimits = HostLimits.detect(CgroupLayout.DEFAULT_ROOT);

    TaskLauncher(ImageResolver images, Snapshotter snapshotter, SpecGenerator specs, TaskMonitor monitor,
            ContainerMounts mounts, NamespaceDonors donors) {
        this.mounts = mounts;
        this.donors = donors;
        this.images = images;
        this.snapshotter = snapshotter;
        this.specs = specs;
        this.monitor = monitor;
    }

    /** The OCI cgroupsPath of a container: {@code /berth/<id>} in every hierarchy. */
    static String cgroupsPath(ContainerId id) {
        return "/berth/" + id.hex();
    }

    HostLimits hostLimits() {
        return hostLimits;
    }

    void useNetworking(ContainerNetworking given) {
        this.networking = given;
    }

    /** The started process and the rootfs it runs on; the caller owns both. */
    record Launched(RunningTask task, MountedRootfs rootfs) {
    }

    Launched launch(ContainerRecord record, ContainerPaths paths) {
        long t0 = System.nanoTime();
        MountedRootfs rootfs = mount(record, paths);
        long t1 = System.nanoTime();
        List<dev.berth.engine.volumes.ContainerMount> table = List.of();
        try {
            ContainerConfig config = record.config();
            String hostname = hostname(record);
            HostConfig hc = record.hostConfig();
            EtcFiles.writeIfMissing(paths.dataDir(), hostname, hc.extraHosts(), HOST_RESOLV_CONF, hc.dns(),
                    hc.dnsSearch(), hc.dnsOptions());
            ResolvedUser user = UserResolver.resolve(config.user(), rootfs.target())
                    .withGroups(UserResolver.groups(hc.groupAdd(), rootfs.target()));
            String cwd = workingDir(config, rootfs.target());
            List<String> args = new ArrayList<>();
            args.add(record.path());
            args.addAll(record.args());
            table = MountTable.read(paths.dataDir());
            ContainerMounts.StartMounts userMounts = mounts.forStart(record.id().hex(), table, rootfs.target());
            List<BindMount> binds = binds(userMounts, paths);
            if (Boolean.TRUE.equals(record.hostConfig().init())) {
                binds.add(InitProcess.mount(InitProcess.HOST_BINARY));
                args = InitProcess.wrap(args);
            }
            ContainerSpec spec = new ContainerSpec(args, environment(config, hostname, user), cwd, user,
                    config.isTty(), rootfs.target(), record.hostConfig().isReadonlyRootfs(), hostname,
                    binds, network(record, hostname, paths), NamespaceModes.privateCgroup(record.hostConfig()),
                    cgroupsPath(record.id()), shmSize(record.hostConfig()), true,
                    record.hostConfig().sysctls() == null ? Map.of() : record.hostConfig().sysctls());
            ObjectNode tree = specs.generate(spec, userMounts.tmpfs(),
                    ConsoleSize.fromDocker(record.hostConfig().consoleSize()));
            applyDomainname(tree, record);
            ContainerLimits.amend(tree, record.hostConfig(), hostLimits, specs);
            donors.join(tree, record.hostConfig());
            OciBundle.write(paths.bundle(), SpecGenerator.toJson(tree));
            long t2 = System.nanoTime();
            TaskIo io = config.isTty() ? TaskIo.terminal(config.isOpenStdin(), record.hostConfig().consoleSize())
                    : TaskIo.pipes(config.isOpenStdin());
            Launched launched = new Launched(monitor.start(record.id().hex(), paths.bundle(), io), rootfs);
            long t3 = System.nanoTime();
            LOG.log(System.Logger.Level.DEBUG, () -> String.format(
                    "container %s started: mount %.1f ms, spec %.1f ms, runtime %.1f ms",
                    record.id().shortId(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6));
            return launched;
        } catch (IOException e) {
            networking.release(record.id().hex());
            mounts.unmounted(record.id().hex(), table);
            rootfs.close();
            throw new SystemException("failed to prepare container " + record.id() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            networking.release(record.id().hex());
            mounts.unmounted(record.id().hex(), table);
            rootfs.close();
            throw e;
        }
    }

    /**
     * {@code --domainname}: the kernel's NIS domain name in the UTS namespace. runc 1.1 ignores
     * the OCI {@code domainname} field (crun honours it); both apply the kernel.domainname sysctl.
     */
    private static void applyDomainname(ObjectNode tree, ContainerRecord record) {
        String domainname = record.config().domainname();
        if (domainname == null || domainname.isEmpty() || "host".equals(record.hostConfig().utsMode())) {
            return;
        }
        tree.put("domainname", domainname);
        ObjectNode linux = (ObjectNode) tree.path("linux");
        (linux.path("sysctl").isObject() ? (ObjectNode) linux.get("sysctl") : linux.putObject("sysctl"))
                .put("kernel.domainname", domainname);
    }

    MountedRootfs mount(ContainerRecord record, ContainerPaths paths) {
        try {
            Files.createDirectories(paths.upperDir());
            Files.createDirectories(paths.workDir());
            Files.createDirectories(paths.rootfs());
        } catch (IOException e) {
            throw new SystemException("failed to create the writable layer of " + record.id() + ": " + e.getMessage(), e);
        }
        List<Path> lowers = images.lowerDirs(record.imageId());
        return snapshotter.mount(new RootfsLayers(lowers, paths.upperDir(), paths.workDir()), paths.rootfs());
    }

    static String hostname(ContainerRecord record) {
        String h = record.config().hostname();
        return h == null || h.isEmpty() ? record.id().shortId() : h;
    }

    /** The image's and request's variables, plus what dockerd always sets (PATH, HOSTNAME, HOME). */
    static List<String> environment(ContainerConfig config, String hostname, ResolvedUser user) {
        List<String> env = new ArrayList<>();
        List<String> given = config.env() == null ? List.of() : config.env();
        if (given.stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.add(RuntimeDefaults.DEFAULT_PATH_ENV);
        }
        env.add("HOSTNAME=" + hostname);
        if (config.isTty()) {
            env.add("TERM=xterm");
        }
        env.addAll(given);
        if (given.stream().noneMatch(e -> e.startsWith("HOME="))) {
            env.add("HOME=" + (user.home() == null || user.home().isEmpty() ? "/" : user.home()));
        }
        return ConfigMerger.mergeEnv(List.of(), env);
    }

    /** The working directory, created inside the rootfs when missing, as dockerd does. */
    private static String workingDir(ContainerConfig config, Path rootfs) throws IOException {
        String cwd = config.workingDir();
        if (cwd == null || cwd.isEmpty()) {
            return "/";
        }
        if (!cwd.startsWith("/")) {
            throw new InvalidArgumentException("the working directory '" + cwd
                    + "' is invalid, it needs to be an absolute path");
        }
        Path inside = insideRootfs(rootfs, cwd);
        Files.createDirectories(inside);
        return cwd;
    }

    /**
     * Where a container path that may not exist yet lies on the host: its deepest existing
     * ancestor resolved within the rootfs (links never lead out), plus the missing rest.
     */
    static Path insideRootfs(Path rootfs, String containerPath) {
        Path wanted = Path.of(containerPath).normalize();
        Path missing = Path.of("");
        for (Path p = wanted; p != null; p = p.getParent()) {
            var resolved = RootfsPath.resolve(rootfs, p.toString());
            if (resolved.isPresent()) {
                return resolved.get().resolve(missing.toString());
            }
            missing = p.getFileName() == null ? missing : p.getFileName().resolve(missing);
        }
        return rootfs.resolve(missing.toString());
    }

    /** The /etc files of the container, then the user's binds and volumes (see {@link ContainerMounts}). */
    private static List<BindMount> binds(ContainerMounts.StartMounts user, ContainerPaths paths) {
        List<BindMount> binds = new ArrayList<>(List.of(
                new BindMount(paths.etcFile(EtcFiles.RESOLV_CONF), "/etc/resolv.conf", false),
                new BindMount(paths.etcFile(EtcFiles.HOSTNAME), "/etc/hostname", false),
                new BindMount(paths.etcFile(EtcFiles.HOSTS), "/etc/hosts", false)));
        binds.addAll(user.binds());
        return binds;
    }

    /** The namespace from the networking layer (veth, address, /etc/hosts, published ports). */
    private NetworkNamespace network(ContainerRecord record, String hostname, ContainerPaths paths) {
        Map<String, Object> exposed = record.config().exposedPorts();
        return networking.attach(new ContainerNetworking.Attachment(record.id().hex(), record.name(), hostname,
                record.config().domainname(), record.hostConfig(), exposed == null ? java.util.Set.of() : exposed.keySet(),
                paths.etcFile(EtcFiles.HOSTS), paths.etcFile(EtcFiles.RESOLV_CONF)));
    }

    private static long shmSize(HostConfig host) {
        return host.shmSize() != null && host.shmSize() > 0 ? host.shmSize() : RuntimeDefaults.SHM_SIZE_BYTES;
    }
}
