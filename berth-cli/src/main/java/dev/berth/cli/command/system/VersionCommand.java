package dev.berth.cli.command.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.api.client.ApiVersion;
import dev.berth.api.types.system.VersionResponse;
import dev.berth.cli.BuildInfo;
import dev.berth.cli.CliFailure;
import dev.berth.cli.Output;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.GoTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth version}: Client: and Server: sections laid out as docker version's. */
@Command(name = "version", description = "Show the berth version information")
public final class VersionCommand extends BerthCommand {

    @Option(names = {"-f", "--format"}, description = "Format output using a custom template")
    String format;

    @Override
    public Integer call() {
        GoTemplate template = format == null || format.isBlank() ? null : Output.template(format);
        Map<String, String> clientFields = new LinkedHashMap<>();
        VersionResponse server = null;
        IOException failure = null;
        String api = ApiVersion.CURRENT.toString();
        try {
            ApiVersion negotiated = client().apiVersion();
            api = negotiated.equals(ApiVersion.CURRENT) ? api : negotiated + " (downgraded from " + ApiVersion.CURRENT + ")";
            server = client().version();
        } catch (IOException e) {
            failure = e;
        }
        clientFields.put("Version", BuildInfo.version());
        clientFields.put("API version", api);
        clientFields.put("Java version", System.getProperty("java.version"));
        clientFields.put("Git commit", BuildInfo.build());
        clientFields.put("Built", BuildInfo.buildTime());
        clientFields.put("OS/Arch", os() + "/" + arch());
        clientFields.put("Context", "default");
        if (template != null) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            ObjectNode c = data.putObject("Client");
            clientFields.forEach(c::put);
            data.set("Server", server == null ? null : Json.MAPPER.valueToTree(server));
            Output.each(out(), template, data);
        } else {
            PrintStream o = out();
            o.println("Client:");
            clientFields.forEach((k, v) -> o.println(pair(" " + k + ":", v)));
            if (server != null) {
                printServer(o, server);
            }
        }
        if (failure != null) {
            throw new CliFailure(1, describe(failure));
        }
        return 0;
    }

    private static void printServer(PrintStream o, VersionResponse v) {
        o.println();
        String platform = v.platform() == null || v.platform().name() == null || v.platform().name().isEmpty()
                ? "" : " " + v.platform().name();
        o.println("Server:" + platform);
        if (v.components() == null || v.components().isEmpty()) {
            printEngine(o, v.version(), Map.of("ApiVersion", s(v.apiVersion()), "MinAPIVersion", s(v.minApiVersion()),
                    "GoVersion", s(v.goVersion()), "GitCommit", s(v.gitCommit()), "BuildTime", s(v.buildTime()),
                    "Os", s(v.os()), "Arch", s(v.arch()), "Experimental", Boolean.toString(v.experimental())));
            return;
        }
        for (VersionResponse.Component component : v.components()) {
            Map<String, String> details = component.details() == null ? Map.of() : component.details();
            if (component.name().equals("Engine")) {
                printEngine(o, component.version(), details);
            } else {
                o.println(" " + component.name() + ":");
                o.println(pair("  Version:", component.version()));
                details.forEach((k, val) -> o.println(pair("  " + k + ":", val)));
            }
        }
    }

    private static void printEngine(PrintStream o, String version, Map<String, String> d) {
        o.println(" Engine:");
        o.println(pair("  Version:", version));
        o.println(pair("  API version:", d.getOrDefault("ApiVersion", "") + " (minimum version " + d.getOrDefault("MinAPIVersion", "") + ")"));
        String runtime = d.containsKey("JavaVersion") ? "JavaVersion" : "GoVersion";
        o.println(pair(runtime.equals("JavaVersion") ? "  Java version:" : "  Go version:", d.getOrDefault(runtime, "")));
        o.println(pair("  Git commit:", d.getOrDefault("GitCommit", "")));
        o.println(pair("  Built:", d.getOrDefault("BuildTime", "")));
        o.println(pair("  OS/Arch:", d.getOrDefault("Os", "") + "/" + d.getOrDefault("Arch", "")));
        o.println(pair("  Experimental:", d.getOrDefault("Experimental", "false")));
    }

    /** docker lays version out with a tab writer of minimum width 20 and padding 1. */
    static String pair(String key, String value) {
        return key + " ".repeat(Math.max(1, 20 - key.length())) + (value == null ? "" : value);
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    /** Go's GOOS/GOARCH spelling. */
    static String os() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
    }

    static String arch() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
    }
}
