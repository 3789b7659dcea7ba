package dev.berth.cli.command.compose;

import dev.berth.cli.CliFailure;
import dev.berth.compose.model.Project;
import dev.berth.compose.project.Down;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth compose down}: containers, then networks; volumes with -v; images with --rmi. */
@Command(name = "down", description = "Stop and remove containers, networks")
public final class ComposeDownCommand extends ComposeCommand {

    @Option(names = {"-v", "--volumes"}, description = "Remove named volumes declared in the \"volumes\" section of the Compose file and anonymous volumes attached to containers")
    boolean volumes;

    @Option(names = "--rmi", description = "Remove images used by services. \"local\" remove only images that don't have a custom tag (\"local\"|\"all\")")
    String rmi;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Option(names = {"-t", "--timeout"}, description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Override
    public Integer call() throws IOException {
        Down.RemoveImages images = switch (rmi == null ? "" : rmi) {
            case "" -> Down.RemoveImages.NONE;
            case "local" -> Down.RemoveImages.LOCAL;
            case "all" -> Down.RemoveImages.ALL;
            default -> throw new CliFailure(1, "invalid --rmi option \"" + rmi + "\"");
        };
        Project project = projectIfAny(List.of());
        String name = requireProject(projectName(project));
        new Down(actions(), files()).run(name, project,
                new Down.Options(volumes, images, removeOrphans, timeout == null ? null : Duration.ofSeconds(timeout)));
        return 0;
    }
}
