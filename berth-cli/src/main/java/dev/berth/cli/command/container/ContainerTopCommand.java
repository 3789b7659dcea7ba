package dev.berth.cli.command.container;

import dev.berth.api.types.container.ContainerTopResponse;
import dev.berth.cli.command.BerthCommand;
import dev.berth.cli.format.TableWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code berth top CONTAINER [ps OPTIONS]}: the words after the container are ps's options
 * (parsing stops at the container, see Main), aligned as docker's tabwriter(20, 1, 3).
 */
@Command(name = "top", description = "Display the running processes of a container")
public final class ContainerTopCommand extends BerthCommand {

    private static final TableWriter TABLE = new TableWriter(20, 1, 3, ' ');

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ps OPTIONS")
    List<String> psOptions = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ContainerTopResponse top = client().containers().top(container,
                psOptions.isEmpty() ? null : String.join(" ", psOptions));
        StringBuilder text = new StringBuilder(String.join("\t", top.titles())).append('\n');
        for (List<String> process : top.processes()) {
            text.append(String.join("\t", process)).append('\n');
        }
        out().print(TABLE.align(text.toString()));
        return 0;
    }
}
