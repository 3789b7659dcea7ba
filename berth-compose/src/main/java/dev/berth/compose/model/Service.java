package dev.berth.compose.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service, fully resolved: interpolated, {@code extends} and several files merged, short
 * syntaxes in long form, {@code env_file} merged into {@code environment}, relative paths absolute.
 * Null means unset (the image's or the engine's default applies); empty collections mean none.
 *
 * @param name            the service's key
 * @param image           the image reference, or null (then {@code build} is set)
 * @param build           how to build the image, or null
 * @param command         the command, or null for the image's; the string form split as a shell would
 * @param entrypoint      the entrypoint, or null for the image's; empty list resets it
 * @param environment     variables; a null value means "declared, take it from the environment, unset there"
 * @param ports           published ports
 * @param expose          container ports exposed without publishing ("80", "8000-8010/udp")
 * @param volumes         mounts
 * @param volumesFrom     "service:name[:ro]" or "container:name[:ro]"
 * @param tmpfs           tmpfs mount targets, optionally with options ("/run:size=64m")
 * @param networks        project networks by key; the implicit "default" when neither this nor network_mode is set
 * @param networkMode     "bridge", "host", "none", "service:x", "container:x", or null
 * @param links           "service[:alias]"
 * @param externalLinks   "container[:alias]"
 * @param dependsOn       dependencies by service name
 * @param healthcheck     the healthcheck, or null
 * @param restart         "no", "always", "on-failure[:n]", "unless-stopped", or null
 * @param deploy          the deploy section, or null
 * @param scale           the number of containers ({@code scale:}), or null
 * @param labels          container labels
 * @param annotations     OCI annotations
 * @param containerName   a fixed container name, or null (then "&lt;project&gt;-&lt;service&gt;-&lt;n&gt;")
 * @param hostname        hostname, or null
 * @param domainname      domain name, or null
 * @param macAddress      MAC address, or null
 * @param user            "user[:group]", or null
 * @param workingDir      working directory in the container, or null
 * @param init            run an init process, or null for the engine's default
 * @param stopSignal      the stop signal, or null
 * @param stopGracePeriod time before SIGKILL, or null (10s)
 * @param tty             allocate a TTY
 * @param stdinOpen       keep stdin open
 * @param readOnly        read-only root filesystem
 * @param privileged      privileged container
 * @param capAdd          capabilities to add
 * @param capDrop         capabilities to drop
 * @param securityOpt     security options
 * @param extraHosts      extra /etc/hosts entries, "host:ip"
 * @param dns             DNS servers
 * @param dnsSearch       DNS search domains
 * @param dnsOpt          resolver options
 * @param logging         logging, or null
 * @param profiles        profiles the service belongs to; empty: always enabled
 * @param pullPolicy      "always", "never", "missing", "build", "daily"..., or null
 * @param platform        "os/arch[/variant]", or null
 * @param configs         configs to mount
 * @param secrets         secrets to mount
 * @param ulimits         ulimits by name
 * @param sysctls         kernel parameters
 * @param shmSize         /dev/shm size in bytes, or null
 * @param pid             PID namespace mode ("host", "service:x"), or null
 * @param ipc             IPC mode, or null
 * @param uts             UTS mode, or null
 * @param usernsMode      user namespace mode, or null
 * @param cgroup          "host" or "private", or null
 * @param cgroupParent    cgroup parent, or null
 * @param devices         device mappings "host[:container[:perms]]"
 * @param groupAdd        supplementary groups
 * @param runtime         OCI runtime name, or null
 * @param resources       the legacy resource keys (mem_limit, cpus, pids_limit...), never null
 * @param attach          attach to the service's output in {@code up}, or null (true)
 * @param develop         the {@code develop} section (watch rules), or null
 */
public record Service(
        String name,
        String image,
        BuildSpec build,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> environment,
        List<PortMapping> ports,
        List<String> expose,
        List<ServiceVolume> volumes,
        List<String> volumesFrom,
        List<String> tmpfs,
        Map<String, ServiceNetwork> networks,
        String networkMode,
        List<String> links,
        List<String> externalLinks,
        Map<String, Dependency> dependsOn,
        Healthcheck healthcheck,
        String restart,
        Deploy deploy,
        Integer scale,
        Map<String, String> labels,
        Map<String, String> annotations,
        String containerName,
        String hostname,
        String domainname,
        String macAddress,
        String user,
        String workingDir,
        Boolean init,
        String stopSignal,
        Duration stopGracePeriod,
        boolean tty,
        boolean stdinOpen,
        boolean readOnly,
        boolean privileged,
        List<String> capAdd,
        List<String> capDrop,
        List<String> securityOpt,
        List<String> extraHosts,
        List<String> dns,
        List<String> dnsSearch,
        List<String> dnsOpt,
        Logging logging,
        List<String> profiles,
        String pullPolicy,
        String platform,
        List<FileObjectRef> configs,
        List<FileObjectRef> secrets,
        Map<String, Ulimit> ulimits,
        Map<String, String> sysctls,
        Long shmSize,
        String pid,
        String ipc,
        String uts,
        String usernsMode,
        String cgroup,
        String cgroupParent,
        List<String> devices,
        List<String> groupAdd,
        String runtime,
        ServiceResources resources,
        Boolean attach,
        Develop develop) {

    public Service {
        command = Copies.listOrNull(command);
        entrypoint = Copies.listOrNull(entrypoint);
        environment = Copies.map(environment);
        ports = Copies.list(ports);
        expose = Copies.list(expose);
        volumes = Copies.list(volumes);
        volumesFrom = Copies.list(volumesFrom);
        tmpfs = Copies.list(tmpfs);
        networks = Copies.map(networks);
        links = Copies.list(links);
        externalLinks = Copies.list(externalLinks);
        dependsOn = Copies.map(dependsOn);
        labels = Copies.map(labels);
        annotations = Copies.map(annotations);
        capAdd = Copies.list(capAdd);
        capDrop = Copies.list(capDrop);
        securityOpt = Copies.list(securityOpt);
        extraHosts = Copies.list(extraHosts);
        dns = Copies.list(dns);
        dnsSearch = Copies.list(dnsSearch);
        dnsOpt = Copies.list(dnsOpt);
        profiles = Copies.list(profiles);
        configs = Copies.list(configs);
        secrets = Copies.list(secrets);
        ulimits = Copies.map(ulimits);
        sysctls = Copies.map(sysctls);
        devices = Copies.list(devices);
        groupAdd = Copies.list(groupAdd);
        resources = resources == null ? ServiceResources.NONE : resources;
    }

    /**
     * How many containers {@code up} runs when not overridden: {@code deploy.replicas}, else
     * {@code scale}, else 1.
     */
    public int replicas() {
        if (deploy != null && deploy.replicas() != null) {
            return deploy.replicas();
        }
        return scale != null ? scale : 1;
    }
}
