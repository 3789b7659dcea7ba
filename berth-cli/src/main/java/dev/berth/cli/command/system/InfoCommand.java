package dev.berth.cli.command.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.units.BytesSize;
import dev.berth.cli.BuildInfo;
import dev.berth.cli.CliFailure;
import dev.berth.cli.Output;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.GoTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth info}: the fields docker info prints that berth's daemon reports, in docker's order. */
@Command(name = "info", description = "Display system-wide information")
public final class InfoCommand extends BerthCommand {

    @Option(names = {"-f", "--format"}, description = "Format output using a custom template")
    String format;

    @Override
    public Integer call() {
        GoTemplate template = format == null || format.isBlank() ? null : Output.template(format);
        JsonNode info;
        try {
            info = client().info();
        } catch (IOException e) {
            if (format == null) {
                printClient(out());
            }
            throw new CliFailure(1, describe(e));
        }
        if (template != null) {
            Output.each(out(), template, info);
            return 0;
        }
        PrintStream o = out();
        printClient(o);
        o.println();
        o.println("Server:");
        line(o, " Containers", info, "Containers");
        line(o, "  Running", info, "ContainersRunning");
        line(o, "  Paused", info, "ContainersPaused");
        line(o, "  Stopped", info, "ContainersStopped");
        line(o, " Images", info, "Images");
        line(o, " Server Version", info, "ServerVersion");
        line(o, " Storage Driver", info, "Driver");
        for (JsonNode pair : info.path("DriverStatus")) {
            if (pair.size() == 2) {
                o.println("  " + pair.get(0).asText() + ": " + pair.get(1).asText());
            }
        }
        line(o, " Logging Driver", info, "LoggingDriver");
        line(o, " Cgroup Driver", info, "CgroupDriver");
        line(o, " Cgroup Version", info, "CgroupVersion");
        printPlugins(o, info.path("Plugins"));
        if (info.path("Swarm").has("LocalNodeState")) {
            o.println(" Swarm: " + info.path("Swarm").path("LocalNodeState").asText());
        }
        if (info.has("Runtimes")) {
            List<String> runtimes = new ArrayList<>();
            info.get("Runtimes").fieldNames().forEachRemaining(runtimes::add);
            o.println(" Runtimes: " + String.join(" ", runtimes));
        }
        line(o, " Default Runtime", info, "DefaultRuntime");
        // docker's init, containerd and runc lines, only when the daemon has such parts
        line(o, " Init Binary", info, "InitBinary");
        line(o, " containerd version", info.path("ContainerdCommit"), "ID");
        line(o, " runc version", info.path("RuncCommit"), "ID");
        line(o, " init version", info.path("InitCommit"), "ID");
        printSecurityOptions(o, info.path("SecurityOptions"));
        line(o, " Kernel Version", info, "KernelVersion");
        line(o, " Operating System", info, "OperatingSystem");
        line(o, " OSType", info, "OSType");
        line(o, " Architecture", info, "Architecture");
        line(o, " CPUs", info, "NCPU");
        if (info.has("MemTotal")) {
            o.println(" Total Memory: " + BytesSize.of(info.get("MemTotal").asDouble()));
        }
        line(o, " Name", info, "Name");
        line(o, " ID", info, "ID");
        line(o, " Berth Root Dir", info, "DockerRootDir");
        line(o, " Debug Mode", info, "Debug");
        nonEmpty(o, " HTTP Proxy", info, "HttpProxy");
        nonEmpty(o, " HTTPS Proxy", info, "HttpsProxy");
        nonEmpty(o, " No Proxy", info, "NoProxy");
        list(o, " Labels:", info.path("Labels"));
        line(o, " Experimental", info, "ExperimentalBuild");
        printRegistries(o, info.path("RegistryConfig"));
        line(o, " Live Restore Enabled", info, "LiveRestoreEnabled");
        o.println();
        JsonNode warnings = info.path("Warnings");
        for (JsonNode w : warnings) {
            err().println(w.asText());
        }
        return 0;
    }

    private void printClient(PrintStream o) {
        o.println("Client:");
        o.println(" Version:    " + BuildInfo.version());
        o.println(" Context:    default");
        o.println(" Debug Mode: " + ctx().debug());
    }

    private static void printPlugins(PrintStream o, JsonNode plugins) {
        if (plugins.isMissingNode()) {
            return;
        }
        o.println(" Plugins:");
        o.println("  Volume: " + words(plugins.path("Volume")));
        o.println("  Network: " + words(plugins.path("Network")));
        if (!plugins.path("Authorization").isEmpty()) {
            o.println("  Authorization: " + words(plugins.path("Authorization")));
        }
        o.println("  Log: " + words(plugins.path("Log")));
    }

    /** "name=seccomp,profile=builtin" as docker shows it: the name, then its profile. */
    private static void printSecurityOptions(PrintStream o, JsonNode options) {
        if (options.isEmpty()) {
            return;
        }
        o.println(" Security Options:");
        for (JsonNode option : options) {
            String profile = null;
            for (String pair : option.asText().split(",")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (key.equals("name")) {
                    o.println("  " + value);
                } else if (key.equals("profile")) {
                    profile = value;
                }
            }
            if (profile != null) {
                o.println("   Profile: " + profile);
            }
        }
    }

    private static void printRegistries(PrintStream o, JsonNode config) {
        JsonNode cidrs = config.path("InsecureRegistryCIDRs");
        JsonNode indexes = config.path("IndexConfigs");
        if (!cidrs.isEmpty() || !indexes.isEmpty()) {
            o.println(" Insecure Registries:");
            for (JsonNode index : indexes) {
                if (!index.path("Secure").asBoolean()) {
                    o.println("  " + index.path("Name").asText());
                }
            }
            cidrs.forEach(cidr -> o.println("  " + cidr.asText()));
        }
        list(o, " Registry Mirrors:", config.path("Mirrors"));
    }

    private static void list(PrintStream o, String title, JsonNode values) {
        if (!values.isEmpty()) {
            o.println(title);
            values.forEach(v -> o.println("  " + v.asText()));
        }
    }

    private static String words(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return String.join(" ", out);
    }

    private static void nonEmpty(PrintStream o, String label, JsonNode info, String field) {
        if (!info.path(field).asText("").isEmpty()) {
            line(o, label, info, field);
        }
    }

    private static void line(PrintStream o, String label, JsonNode info, String field) {
        JsonNode v = info.get(field);
        if (v != null && !v.isNull() && !v.isContainerNode()) {
            o.println(label + ": " + v.asText());
        }
    }
}
