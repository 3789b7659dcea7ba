package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import dev.berth.cli.Main;
import dev.berth.cli.command.container.AttachFlags;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose attach SERVICE}: berth's own {@code attach} (its TTY, detach keys,
 * signal proxy and exit code) on the service's container number {@code --index}, 1 by default.
 */
@Command(name = "attach", description = "Attach local standard input, output, and error streams to a service's running container")
public final class ComposeAttachCommand extends ComposeCommand {

    @Mixin
    AttachFlags flags = new AttachFlags();

    @Option(names = "--index", defaultValue = "1", description = "index of the container if service has multiple replicas")
    int index;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Override
    public Integer call() throws IOException {
        String name = requireProject(projectName(knowingService(service)));
        List<ProjectContainer> running = containers(name, false, List.of(service));
        if (running.isEmpty()) {
            throw new CliFailure(1, "service \"" + service + "\" is not running");
        }
        ProjectContainer target = running.stream().filter(c -> c.number() == index).findFirst()
                .orElseThrow(() -> new CliFailure(1, "service \"" + service + "\" is not running container #" + index));
        List<String> args = new ArrayList<>(List.of("attach"));
        args.addAll(flags.arguments());
        args.add(target.id());
        return Main.run(args.toArray(String[]::new), ctx());
    }
}
