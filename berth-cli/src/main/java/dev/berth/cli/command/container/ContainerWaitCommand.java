package dev.berth.cli.command.container;

import dev.berth.api.client.PendingWait;
import dev.berth.api.client.WaitCondition;
import dev.berth.cli.command.BerthCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth wait}: block until each container stops, print its exit code. */
@Command(name = "wait", description = "Block until one or more containers stop, then print their exit codes")
public final class ContainerWaitCommand extends BerthCommand {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        List<String> errors = new ArrayList<>();
        for (String name : containers) {
            try (PendingWait wait = client().containers().await(name, WaitCondition.NOT_RUNNING)) {
                out().println(wait.result().statusCode());
            } catch (IOException e) {
                errors.add(describe(e));
            }
        }
        return failIfAny(errors);
    }
}
