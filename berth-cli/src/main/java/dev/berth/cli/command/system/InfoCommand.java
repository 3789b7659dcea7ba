package dev.berth.cli.command.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.units.BytesSize;
import dev.berth.cli.BuildInfo;
import dev.berth.cli.CliFailure;
import dev.berth.cli.Output;
import dev.berth.cli.command.BerthCommand;
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
        JsonNode info;
        try {
            info = client().info();
        } catch (IOException e) {
            if (format == null) {
                printClient(out());
            }
            throw new CliFailure(1, describe(e));
        }
        if (format != null && !format.isBlank()) {
            Output.each(out(), format, info);
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
        if (info.has("Runtimes")) {
            List<String> runtimes = new ArrayList<>();
            info.get("Runtimes").fieldNames().forEachRemaining(runtimes::add);
            o.println(" Runtimes: " + String.join(" ", runtimes));
        }
        line(o, " Default Runtime", info, "DefaultRuntime");
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
        line(o, " Experimental", info, "ExperimentalBuild");
        line(o, " Live Restore Enabled", info, "LiveRestoreEnabled");
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

    private static void line(PrintStream o, String label, JsonNode info, String field) {
        JsonNode v = info.get(field);
        if (v != null && !v.isNull() && !v.isContainerNode()) {
            o.println(label + ": " + v.asText());
        }
    }
}
