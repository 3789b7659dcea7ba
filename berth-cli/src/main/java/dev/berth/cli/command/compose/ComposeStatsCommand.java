package dev.berth.cli.command.compose;

import dev.berth.cli.Main;
import dev.berth.cli.command.container.StatsFlags;
import dev.berth.cli.format.OutputFormat;
import dev.berth.cli.format.StatsRows;
import dev.berth.compose.project.ProjectContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code berth compose stats [SERVICE]}: berth's own {@code stats} over the project's
 * containers (of SERVICE when given), each row named by its short ID as docker compose's
 * filtered {@code docker stats} shows them; the NAME column carries the container's name.
 */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics")
public final class ComposeStatsCommand extends ComposeCommand {

    @Mixin
    StatsFlags flags = new StatsFlags();

    @Parameters(paramLabel = "SERVICE", arity = "0..1")
    String service;

    @Override
    public Integer call() throws IOException {
        String name = requireProject(projectName(knowingService(service)));
        List<ProjectContainer> targets = containers(name, flags.all(), service == null ? List.of() : List.of(service));
        if (targets.isEmpty()) {
            // `berth stats` without containers would show every container: the empty table is the project's
            out().print(new OutputFormat(flags.template()).render(List.of(), StatsRows.HEADERS));
            out().flush();
            return 0;
        }
        List<String> args = new ArrayList<>(List.of("stats"));
        args.addAll(flags.arguments());
        targets.forEach(c -> args.add(c.id().substring(0, Math.min(12, c.id().length()))));
        return Main.run(args.toArray(String[]::new), ctx());
    }
}
