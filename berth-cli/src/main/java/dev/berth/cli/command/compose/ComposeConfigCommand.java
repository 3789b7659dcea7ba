package dev.berth.cli.command.compose;

import dev.berth.api.Json;
import dev.berth.cli.CliFailure;
import dev.berth.compose.model.Project;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth compose config}: the resolved model (interpolated, merged, canonical) as YAML or JSON. */
@Command(name = "config", description = "Parse, resolve and render compose file in canonical format")
public final class ComposeConfigCommand extends ComposeCommand {

    @Option(names = "--services", description = "Print the service names, one per line")
    boolean servicesOnly;

    @Option(names = "--volumes", description = "Print the volume names, one per line")
    boolean volumesOnly;

    @Option(names = "--networks", description = "Print the network names, one per line")
    boolean networksOnly;

    @Option(names = "--profiles", description = "Print the profile names, one per line")
    boolean profilesOnly;

    @Option(names = "--format", defaultValue = "yaml", description = "Format the output. Values: [yaml | json]")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration, don't print anything")
    boolean quiet;

    @Option(names = {"-o", "--output"}, description = "Save to file (default to stdout)")
    String output;

    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Project project = project(services);
        if (quiet) {
            return 0;
        }
        if (servicesOnly) {
            project.services().keySet().forEach(out()::println);
            return 0;
        }
        if (volumesOnly) {
            project.volumes().keySet().forEach(out()::println);
            return 0;
        }
        if (networksOnly) {
            project.networks().keySet().forEach(out()::println);
            return 0;
        }
        if (profilesOnly) {
            java.util.Set<String> profiles = new java.util.TreeSet<>();
            project.services().values().forEach(s -> profiles.addAll(s.profiles()));
            project.disabledServices().values().forEach(s -> profiles.addAll(s.profiles()));
            profiles.forEach(out()::println);
            return 0;
        }
        Map<String, Object> tree = ProjectYaml.tree(project);
        String text = switch (format) {
            case "yaml" -> ProjectYaml.yaml(tree);
            case "json" -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
            default -> throw new CliFailure(1, "unsupported format \"" + format + "\"");
        };
        if (output != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(output), text);
        } else {
            out().print(text);
            out().flush();
        }
        return 0;
    }
}
