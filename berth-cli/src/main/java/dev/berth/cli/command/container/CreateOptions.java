package dev.berth.cli.command.container;

import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.command.DeclaredCommand;
import dev.berth.cli.command.SpecBuilder;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The options run and create share, with docker's names. Parsing stops at the image (see
 * Main): everything after it is the container's command, {@code -l} included. Declared in
 * code (see {@link DeclaredCommand}): run is the command whose start matters most.
 */
abstract class CreateOptions extends BerthCommand implements DeclaredCommand {

    String name;

    List<String> env = new ArrayList<>();

    List<String> envFiles = new ArrayList<>();

    List<String> labels = new ArrayList<>();

    List<String> labelFiles = new ArrayList<>();

    String workdir;

    String user;

    String hostname;

    String entrypoint;

    String stopSignal;

    Integer stopTimeout;

    boolean interactive;

    boolean tty;

    Boolean init;

    boolean autoRemove;

    String restart;

    boolean readOnly;

    boolean privileged;

    List<String> capAdd = new ArrayList<>();

    List<String> capDrop = new ArrayList<>();

    String network;

    List<String> publish = new ArrayList<>();
    List<String> networkAliases = new ArrayList<>();
    boolean publishAll;

    String ip;

    List<String> addHosts = new ArrayList<>();

    List<String> dns = new ArrayList<>();

    List<String> dnsSearch = new ArrayList<>();

    List<String> dnsOptions = new ArrayList<>();

    String domainname;

    List<String> links = new ArrayList<>();

    List<String> volumes = new ArrayList<>();

    List<String> mounts = new ArrayList<>();

    List<String> tmpfs = new ArrayList<>();

    List<String> volumesFrom = new ArrayList<>();

    String pull;

    String healthCmd;
    String healthInterval;
    String healthTimeout;
    String healthStartPeriod;
    String healthStartInterval;
    Integer healthRetries;
    boolean noHealthcheck;

    String platform;

    String image;

    List<String> command = new ArrayList<>();

    final LimitFlags limits = new LimitFlags();

    final SecurityFlags security = new SecurityFlags();

    /** Declares the shared options on {@code spec}, as picocli's annotations would have. */
    SpecBuilder declare(SpecBuilder spec) {
        return security.declare(limits.declare(spec))
                .value(String.class, "Assign a name to the container", "name", v -> name = v, "--name")
                .list("Set environment variables", "env", env, v -> env = v, "-e", "--env")
                .list("Read in a file of environment variables", "envFiles", envFiles, v -> envFiles = v, "--env-file")
                .list("Set meta data on a container", "labels", labels, v -> labels = v, "-l", "--label")
                .list("Read in a line delimited file of labels", "labelFiles", labelFiles, v -> labelFiles = v, "--label-file")
                .value(String.class, "Working directory inside the container", "workdir", v -> workdir = v, "-w", "--workdir")
                .value(String.class, "Username or UID (format: <name|uid>[:<group|gid>])", "user", v -> user = v, "-u", "--user")
                .value(String.class, "Container host name", "hostname", v -> hostname = v, "-h", "--hostname")
                .value(String.class, "Overwrite the default ENTRYPOINT of the image", "entrypoint", v -> entrypoint = v, "--entrypoint")
                .value(String.class, "Signal to stop the container", "stopSignal", v -> stopSignal = v, "--stop-signal")
                .value(Integer.class, "Timeout (in seconds) to stop a container", "stopTimeout", v -> stopTimeout = v, "--stop-timeout")
                .flag("Keep STDIN open even if not attached", "interactive", v -> interactive = v, "-i", "--interactive")
                .flag("Allocate a pseudo-TTY", "tty", v -> tty = v, "-t", "--tty")
                .value(Boolean.class, "Run an init inside the container", "init", v -> init = v, "--init")
                .flag("Automatically remove the container and its volumes when it exits", "autoRemove", v -> autoRemove = v, "--rm")
                .add(OptionSpec.builder("--restart").type(String.class).defaultValue("no"), "Restart policy to apply when a container exits", "restart", (String) null, v -> restart = v)
                .flag("Mount the container's root filesystem as read only", "readOnly", v -> readOnly = v, "--read-only")
                .flag("Give extended privileges to this container", "privileged", v -> privileged = v, "--privileged")
                .list("Add Linux capabilities", "capAdd", capAdd, v -> capAdd = v, "--cap-add")
                .list("Drop Linux capabilities", "capDrop", capDrop, v -> capDrop = v, "--cap-drop")
                .value(String.class, "Connect a container to a network", "network", v -> network = v, "--network", "--net")
                .list("Publish a container's port(s) to the host", "publish", publish, v -> publish = v, "-p", "--publish")
                .flag("Publish all exposed ports to random ports", "publishAll", v -> publishAll = v, "-P", "--publish-all")
                .list("Add network-scoped alias for the container", "networkAliases", networkAliases, v -> networkAliases = v, "--network-alias")
                .value(String.class, "IPv4 address (e.g., 172.30.100.104)", "ip", v -> ip = v, "--ip")
                .list("Add a custom host-to-IP mapping (host:ip)", "addHosts", addHosts, v -> addHosts = v, "--add-host")
                .list("Set custom DNS servers", "dns", dns, v -> dns = v, "--dns")
                .list("Set custom DNS search domains", "dnsSearch", dnsSearch, v -> dnsSearch = v, "--dns-search")
                .list("Set DNS options", "dnsOptions", dnsOptions, v -> dnsOptions = v, "--dns-option", "--dns-opt")
                .value(String.class, "Container NIS domain name", "domainname", v -> domainname = v, "--domainname")
                .list("Add link to another container", "links", links, v -> links = v, "--link")
                .list("Bind mount a volume", "volumes", volumes, v -> volumes = v, "-v", "--volume")
                .list("Attach a filesystem mount to the container", "mounts", mounts, v -> mounts = v, "--mount")
                .list("Mount a tmpfs directory", "tmpfs", tmpfs, v -> tmpfs = v, "--tmpfs")
                .list("Mount volumes from the specified container(s)", "volumesFrom", volumesFrom, v -> volumesFrom = v, "--volumes-from")
                .add(OptionSpec.builder("--pull").type(String.class).defaultValue("missing"), "Pull image before running (\"always\", \"missing\", \"never\")", "pull", (String) null, v -> pull = v)
                .value(String.class, "Set platform if server is multi-platform capable", "platform", v -> platform = v, "--platform")
                .value(String.class, "Command to run to check health", "healthCmd", v -> healthCmd = v, "--health-cmd")
                .value(String.class, "Time between running the check (ms|s|m|h) (default 0s)", "healthInterval", v -> healthInterval = v, "--health-interval")
                .value(String.class, "Maximum time to allow one check to run (ms|s|m|h) (default 0s)", "healthTimeout", v -> healthTimeout = v, "--health-timeout")
                .value(String.class, "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)", "healthStartPeriod", v -> healthStartPeriod = v, "--health-start-period")
                .value(String.class, "Time between running the check during the start period (ms|s|m|h) (default 0s)", "healthStartInterval", v -> healthStartInterval = v, "--health-start-interval")
                .value(Integer.class, "Consecutive failures needed to report unhealthy", "healthRetries", v -> healthRetries = v, "--health-retries")
                .flag("Disable any container-specified HEALTHCHECK", "noHealthcheck", v -> noHealthcheck = v, "--no-healthcheck")
                .positional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("IMAGE").type(String.class),
                        (String) null, v -> image = v)
                .positional(PositionalParamSpec.builder().index("1..*").arity("0..*").paramLabel("COMMAND").type(List.class)
                        .auxiliaryTypes(String.class).description("The command and its arguments"), command,
                        v -> command = v);
    }

    /** Whether the container's streams are attached (run without -d); create never attaches. */
    abstract boolean attached();

    /**
     * The request these options describe. With {@code -t} it carries the local terminal's size
     * as {@code HostConfig.ConsoleSize}, as docker's CLI sends it, so the container's TTY has
     * the right size from its first byte (a resize after start would come too late for a
     * program that reads the size at once).
     */
    CreateRequest toRequest() {
        List<Integer> consoleSize = tty ? TerminalSession.currentSize()
                .map(s -> List.of(s.rows(), s.columns())).orElse(null) : null;
        return CreateRequestMapper.map(this, ctx()::env, attached(), consoleSize);
    }
}
