package dev.berth.cli.command.compose;

import dev.berth.compose.project.UpOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose scale SERVICE=NUM...}: {@code up -d --scale SERVICE=NUM} of those
 * services only (with their dependencies unless {@code --no-deps}): the same convergence adds
 * the missing replicas and removes the surplus ones, highest numbers first.
 */
@Command(name = "scale", description = "Scale services")
public final class ComposeScaleCommand extends ComposeCommand {

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Parameters(paramLabel = "SERVICE=REPLICAS", arity = "1..*")
    List<String> specifiers = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Map<String, Integer> scale = ScaleSpecifiers.parse(specifiers);
        List<String> services = List.copyOf(scale.keySet());
        UpOptions options = new UpOptions(services, noDeps, false, false, false, false, false, scale, true,
                null, null);
        try {
            converge(project(services), options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        return 0;
    }
}
